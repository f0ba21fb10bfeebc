package com.example.statuscodes.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration
public class RateLimitConfig {

    /** The clock buckets refill by; tests replace it with one they move by hand (no sleeps). */
    @Bean
    TimeMeter rateLimitClock() {
        return TimeMeter.SYSTEM_MILLISECONDS; // a proxy manager needs a wall clock: bucket state may be shared between machines
    }

    /**
     * The default store, in this process's memory. Bounded two ways, so a flood of distinct clients cannot
     * exhaust the heap: at most {@code max-clients} buckets, and a bucket is dropped as soon as it would be full
     * again (forgetting it changes nothing). With {@code app.rate-limit.store=redis} see {@link RedisBucketsConfig}.
     */
    @Bean
    @ConditionalOnProperty(name = "app.rate-limit.store", havingValue = "memory", matchIfMissing = true)
    CaffeineProxyManager<String> rateLimitBuckets(RateLimitProperties properties, TimeMeter rateLimitClock) {
        Caffeine<Object, Object> cache = Caffeine.newBuilder()
                .maximumSize(properties.maxClients())
                .executor(Runnable::run); // evict on the calling thread: the bound holds at once, no extra pool
        return Bucket4jCaffeine.<String>builderFor(cache)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .clientClock(rateLimitClock)
                .build();
    }
}
