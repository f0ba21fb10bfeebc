package com.example.statuscodes.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;

/**
 * A named budget: {@code quota} requests per {@code window}, refilled gradually (greedy refill), so a
 * client over the limit waits for one token, not for a whole window.
 */
public record RateLimitPolicy(String name, long quota, Duration window) {

    public static RateLimitPolicy perMinute(String name, long quota) {
        return new RateLimitPolicy(name, quota, Duration.ofMinutes(1));
    }

    BucketConfiguration bucket() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(quota).refillGreedy(quota, window).build())
                .build();
    }

    /** The greedy refill adds one token every {@code window / quota}. */
    long nanosPerToken() {
        return window.toNanos() / quota;
    }

    /** {@code RateLimit-Policy: "default";q=100;w=60} (draft-ietf-httpapi-ratelimit-headers). */
    String policyHeader() {
        return "\"" + name + "\";q=" + quota + ";w=" + window.toSeconds();
    }
}
