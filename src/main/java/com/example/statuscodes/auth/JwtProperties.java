package com.example.statuscodes.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code app.jwt.secret}: the HS256 key, at least 32 bytes. When unset a random key is generated at
 * start-up, so tokens die with the process. {@code app.jwt.ttl}: token lifetime, default one hour.
 */
@ConfigurationProperties("app.jwt")
public record JwtProperties(String secret, @DefaultValue("1h") Duration ttl) {
}
