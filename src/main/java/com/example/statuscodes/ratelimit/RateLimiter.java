package com.example.statuscodes.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
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
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(), ceilSeconds(nanosUntilMore(policy, probe)));
    }

    /** Whether one more request would be allowed now, without taking anything from the bucket. */
    public Decision peek(RateLimitPolicy policy, String client) {
        EstimationProbe probe = buckets.getProxy(policy.name() + ":" + client, policy::bucket).estimateAbilityToConsume(1);
        return new Decision(probe.canBeConsumed(), probe.getRemainingTokens(), ceilSeconds(probe.getNanosToWaitForRefill()));
    }

    /**
     * When the next request unit comes back. Refused: bucket4j says how long until one token is there. Allowed: the
     * bucket refills one token every {@code window / quota}, so the next one is due when a full refill is due, less
     * the tokens that come after it.
     */
    private static long nanosUntilMore(RateLimitPolicy policy, ConsumptionProbe probe) {
        if (!probe.isConsumed()) {
            return probe.getNanosToWaitForRefill();
        }
        long tokensAfterTheNext = policy.quota() - probe.getRemainingTokens() - 1;
        return Math.max(0, probe.getNanosToWaitForReset() - tokensAfterTheNext * policy.nanosPerToken());
    }

    /** Whole seconds, rounded up: a client that waits this long is sure to find a token. */
    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /**
     * @param remaining          requests left now (the {@code RateLimit} field's {@code r})
     * @param secondsUntilMore   whole seconds until one more request is allowed (its {@code t}; a 429's
     *                           {@code Retry-After}), rounded up so that a client waiting that long gets through
     */
    public record Decision(boolean allowed, long remaining, long secondsUntilMore) {
    }
}
