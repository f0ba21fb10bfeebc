package com.example.statuscodes.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes one token from a client's bucket. Buckets live behind bucket4j's {@link ProxyManager}: in memory
 * (Caffeine) by default, in Redis with {@code app.rate-limit.store=redis}; the filters do not know which.
 * <p>
 * When the store cannot be reached (Redis down or too slow), the policy decides, per {@code app.rate-limit.fail-closed}:
 * <ul>
 *   <li>fail-closed (default: {@code login}): the request is refused with 503 + Retry-After (a
 *       {@link DataAccessResourceFailureException}, answered like a database outage), because an outage of the
 *       store must not open a window for unlimited password guessing;</li>
 *   <li>fail-open (every other policy, i.e. the API limit): the request is served without a limit, the failure is
 *       logged and counted ({@link #storeFailures()}), because refusing every API call would turn a Redis outage
 *       into a full outage of the API.</li>
 * </ul>
 * With a remote store, concurrent requests of one client to one instance share a round trip (bucket4j's exact
 * batching: requests that arrive while one is on its way to Redis go together in the next one), so a busy client
 * costs Redis one exchange at a time, not one per request. That needs the same bucket object for those requests,
 * so the remote buckets are kept in a bounded local map (at most {@code max-clients}, forgotten after two idle
 * minutes); their state stays in Redis.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final ProxyManager<String> buckets;
    private final Set<String> failClosed;
    /** Remote stores only: the batching bucket objects, by key; null for the in-memory store. */
    private final Cache<String, BucketProxy> batching;
    private final AtomicLong storeFailures = new AtomicLong();

    public RateLimiter(ProxyManager<String> buckets) {
        this(buckets, Set.of("login"), 0);
    }

    @Autowired
    public RateLimiter(ProxyManager<String> buckets, RateLimitProperties properties) {
        this(buckets, properties.failClosed(), "memory".equals(properties.store()) ? 0 : properties.maxClients());
    }

    RateLimiter(ProxyManager<String> buckets, Set<String> failClosed, long batchingBuckets) {
        this.buckets = buckets;
        this.failClosed = Set.copyOf(failClosed);
        this.batching = batchingBuckets == 0 ? null : Caffeine.newBuilder()
                .maximumSize(batchingBuckets)
                .expireAfterAccess(Duration.ofMinutes(2))
                .build();
    }

    public Decision tryConsume(RateLimitPolicy policy, String client) {
        ConsumptionProbe probe;
        try {
            probe = bucket(policy, client).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException storeFailure) {
            return unlimited(policy, storeFailure);
        }
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(), ceilSeconds(nanosUntilMore(policy, probe)));
    }

    /** Whether one more request would be allowed now, without taking anything from the bucket. */
    public Decision peek(RateLimitPolicy policy, String client) {
        EstimationProbe probe;
        try {
            probe = bucket(policy, client).estimateAbilityToConsume(1);
        } catch (RuntimeException storeFailure) {
            return unlimited(policy, storeFailure);
        }
        return new Decision(probe.canBeConsumed(), probe.getRemainingTokens(), ceilSeconds(probe.getNanosToWaitForRefill()));
    }

    private BucketProxy bucket(RateLimitPolicy policy, String client) {
        String key = policy.name() + ":" + client;
        return batching == null ? buckets.getProxy(key, policy::bucket)
                : batching.get(key, k -> buckets.builder().withOptimization(Optimizations.batching()).build(k, policy::bucket));
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

    private Decision unlimited(RateLimitPolicy policy, RuntimeException storeFailure) {
        long failures = storeFailures.incrementAndGet();
        boolean closed = failClosed.contains(policy.name());
        if (failures == 1 || failures % 1000 == 0) { // an outage logs once per thousand requests, not per request
            log.warn("Rate-limit store unreachable ({} failures so far); policy '{}' fails {}: {}", failures,
                    policy.name(), closed ? "closed (503)" : "open (served without a limit)", storeFailure.toString());
        }
        if (closed) {
            throw new DataAccessResourceFailureException("The rate-limit store is unreachable", storeFailure);
        }
        return new Decision(true, policy.quota(), 0);
    }

    /** How many requests found the bucket store unreachable since start-up. */
    public long storeFailures() {
        return storeFailures.get();
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
