package com.example.statuscodes.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A flood of distinct clients (or spoofed IPs) cannot grow the bucket store past its bound. */
class BucketStoreBoundTest {

    @Test
    void one_hundred_thousand_distinct_clients_leave_the_store_at_its_maximum() {
        int maxClients = 10_000;
        CaffeineProxyManager<String> buckets = new RateLimitConfig().rateLimitBuckets(
                new RateLimitProperties(true, 100, 10, maxClients, 5, java.time.Duration.ofMinutes(5)), TimeMeter.SYSTEM_MILLISECONDS);
        RateLimiter limiter = new RateLimiter(buckets);
        // One request a minute: each bucket stays empty for a minute, so none expires while the loop runs.
        RateLimitPolicy policy = RateLimitPolicy.perMinute("default", 1);

        for (int client = 0; client < 100_000; client++) {
            assertThat(limiter.tryConsume(policy, "ip:10." + client).allowed()).isTrue();
        }
        buckets.getCache().cleanUp();

        assertThat(buckets.getCache().estimatedSize()).isEqualTo(maxClients);
    }
}
