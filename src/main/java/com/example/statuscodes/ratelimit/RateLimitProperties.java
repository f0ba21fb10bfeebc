package com.example.statuscodes.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled                switches both limits
 * @param requestsPerMinute      every request, per user (or per client IP when anonymous)
 * @param loginAttemptsPerMinute {@code POST /api/auth/token}, per client IP, every attempt counted
 * @param maxClients             most buckets kept in memory; beyond it the least recently used are dropped
 */
@ConfigurationProperties("app.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100") long requestsPerMinute,
        @DefaultValue("10") long loginAttemptsPerMinute,
        @DefaultValue("100000") long maxClients) {
}
