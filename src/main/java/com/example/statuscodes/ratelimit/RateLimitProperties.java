package com.example.statuscodes.ratelimit;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Set;

/**
 * @param enabled                switches every limit
 * @param requestsPerMinute      every request, per user (or per client IP when anonymous)
 * @param loginAttemptsPerMinute {@code POST /api/auth/token}, per client IP, every attempt counted
 * @param maxClients             most buckets kept in memory; beyond it the least recently used are dropped
 * @param failedLoginsPerAccount failed logins allowed per e-mail address within {@code failedLoginsWindow}, from
 *                               any number of client addresses; refilled gradually (5 in 5 minutes: one a minute)
 * @param store                  where buckets live: {@code memory} (Caffeine, this process only; the default)
 *                               or {@code redis} (shared by every instance; see {@link RedisBucketsConfig})
 * @param failClosed             policies that refuse requests (503) while the bucket store cannot be reached;
 *                               every other policy fails open (serves, logs, counts). Default: {@code login}
 */
@ConfigurationProperties("app.rate-limit")
@Validated // a zero or negative limit fails at start-up, not as a 500 on every request
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100") @Positive long requestsPerMinute,
        @DefaultValue("10") @Positive long loginAttemptsPerMinute,
        @DefaultValue("100000") @Positive long maxClients,
        @DefaultValue("5") @Positive long failedLoginsPerAccount,
        @DefaultValue("5m") Duration failedLoginsWindow,
        @DefaultValue("memory") String store,
        @DefaultValue("login") Set<String> failClosed) {

    @ConstructorBinding
    public RateLimitProperties {
    }

    /** The four limits alone, with the defaults for the rest (tests). */
    public RateLimitProperties(boolean enabled, long requestsPerMinute, long loginAttemptsPerMinute, long maxClients) {
        this(enabled, requestsPerMinute, loginAttemptsPerMinute, maxClients, 5, Duration.ofMinutes(5), "memory", Set.of("login"));
    }
}
