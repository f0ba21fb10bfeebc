package com.example.statuscodes.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.springframework.stereotype.Component;

/**
 * Takes one token from a client's bucket. Buckets live behind bucket4j's {@link ProxyManager}: in memory
 * (Caffeine) here, but a Redis or PostgreSQL proxy manager can replace it without touching the filters.
 */
@Component
public class RateLimiter {

    private final ProxyManager<String> buckets;

    public RateLimiter(ProxyManager<String> buckets) {
        this.buckets = buckets;
    }

    public Decision tryConsume(RateLimitPolicy policy, String client) {
        ConsumptionProbe probe = buckets.getProxy(policy.name() + ":" + client, policy::bucket)
                .tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(),
                ceilSeconds(probe.getNanosToWaitForRefill()), ceilSeconds(probe.getNanosToWaitForReset()));
    }

    /** Whole seconds, rounded up: a client that waits this long is sure to find a token. */
    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /**
     * @param retryAfterSeconds  when refused, how long until one token is back
     * @param secondsUntilFull   how long until the bucket is full again
     */
    public record Decision(boolean allowed, long remaining, long retryAfterSeconds, long secondsUntilFull) {
    }
}
