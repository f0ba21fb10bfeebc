package com.example.statuscodes.support;

import io.github.bucket4j.TimeMeter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A bucket4j clock the test moves by hand: refill is tested without sleeping. */
public class MovableClock implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }

    /**
     * This clock instead of the system's for the rate limiter, in a context that imports it. A class of its own, not
     * one nested in the test: Spring would take a nested one for the default configuration of every {@code @Nested}
     * class too (and warns that Spring Framework 7.1 will).
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class AsTheLimitersClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
