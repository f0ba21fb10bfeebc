package com.example.statuscodes.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param enabled                switches both limits
 * @param requestsPerMinute      every request, per user (or per client IP when anonymous)
 * @param loginAttemptsPerMinute {@code POST /api/auth/token}, per client IP, every attempt counted
 * @param maxClients             most buckets kept in memory; beyond it the least recently used are dropped
 * @param failedLoginsPerAccount failed logins allowed per e-mail address within {@code failedLoginsWindow}, from
 *                               any number of client addresses; refilled gradually (5 in 5 minutes: one a minute)
 */
@ConfigurationProperties("app.rate-limit")
@Validated // a zero or negative limit fails at start-up, not as a 500 on every request
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100") @Positive long requestsPerMinute,
        @DefaultValue("10") @Positive long loginAttemptsPerMinute,
        @DefaultValue("100000") @Positive long maxClients,
        @DefaultValue("5") @Positive long failedLoginsPerAccount,
        @DefaultValue("5m") Duration failedLoginsWindow) {
}
