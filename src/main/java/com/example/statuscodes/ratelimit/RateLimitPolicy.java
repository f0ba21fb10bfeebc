package com.example.statuscodes.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A named budget: {@code quota} requests per {@code window}, refilled gradually (greedy refill), so a
 * client over the limit waits for one token, not for a whole window.
 */
public record RateLimitPolicy(String name, long quota, Duration window) {

    static final String POLICY_HEADER = "RateLimit-Policy";
    static final String LIMIT_HEADER = "RateLimit";

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

    /**
     * {@code RateLimit-Policy: "default";q=100;w=60} (draft-ietf-httpapi-ratelimit-headers-10): every policy that applies
     * to the request, in one list ({@code "login";q=10;w=60, "login-account";q=5;w=300} on a login).
     */
    static String policyHeader(List<RateLimitPolicy> policies) {
        return policies.stream().map(policy -> "\"" + policy.name + "\";q=" + policy.quota + ";w=" + policy.window.toSeconds())
                .collect(Collectors.joining(", "));
    }

    /** {@code RateLimit: "default";r=99;t=1}: this policy's requests left, and seconds until one more. */
    String limitHeader(long remaining, long secondsUntilMore) {
        return "\"" + name + "\";r=" + remaining + ";t=" + secondsUntilMore;
    }
}
