package com.example.statuscodes.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param ttl             how long a key and its response are kept (the draft suggests at least a day)
 * @param inFlightTimeout after this long a key whose request never finished (the server stopped mid-way) is free again
 */
@ConfigurationProperties("app.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration ttl, @DefaultValue("1m") Duration inFlightTimeout) {
}
