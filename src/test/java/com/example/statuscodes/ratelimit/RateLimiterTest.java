package com.example.statuscodes.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The limiter below the HTTP layer: what it answers when its store cannot be reached (specified end to end against a
 * Redis that is stopped by {@code scale.OutageScaleIT}, -Pscale), and which store access it uses: the in-memory
 * store directly, a remote one through batching bucket objects kept per client.
 */
@ExtendWith(OutputCaptureExtension.class)
class RateLimiterTest {

    private static final RateLimitPolicy API = RateLimitPolicy.perMinute("default", 100);
    private static final RateLimitPolicy LOGIN = RateLimitPolicy.perMinute("login", 10);

    @SuppressWarnings("unchecked")
    private final ProxyManager<String> unreachable = mock(ProxyManager.class);

    {
        when(unreachable.getProxy(anyString(), any())).thenThrow(new IllegalStateException("connection refused"));
    }

    @Test
    void a_fail_open_policy_serves_without_a_limit_when_the_store_is_unreachable(CapturedOutput log) {
        RateLimiter limiter = new RateLimiter(unreachable);

        assertThat(limiter.tryConsume(API, "user:1")).isEqualTo(new RateLimiter.Decision(true, 100, 0));
        assertThat(limiter.peek(API, "user:1")).isEqualTo(new RateLimiter.Decision(true, 100, 0));
        assertThat(limiter.storeFailures()).isEqualTo(2);
        assertThat(log.getOut()).contains("Rate-limit store unreachable (1 failures so far); policy 'default' fails open"
                + " (served without a limit): java.lang.IllegalStateException: connection refused");
    }

    @Test
    void a_fail_closed_policy_refuses_as_an_unreachable_dependency(CapturedOutput log) {
        RateLimiter limiter = new RateLimiter(unreachable);

        assertThatThrownBy(() -> limiter.tryConsume(LOGIN, "ip:10.0.0.1"))
                .isInstanceOf(DataAccessResourceFailureException.class)
                .hasMessage("The rate-limit store is unreachable")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> limiter.peek(LOGIN, "ip:10.0.0.1"))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(limiter.storeFailures()).isEqualTo(2);
        assertThat(log.getOut()).contains("policy 'login' fails closed (503)");
    }

    @Test
    void an_outage_logs_its_first_failure_and_then_one_line_per_thousand(CapturedOutput log) {
        RateLimiter limiter = new RateLimiter(unreachable);
        for (int request = 1; request <= 2_000; request++) {
            limiter.tryConsume(API, "user:1");
        }
        assertThat(limiter.storeFailures()).isEqualTo(2_000);
        assertThat(log.getOut().split("Rate-limit store unreachable", -1)).hasSize(4);
        assertThat(log.getOut()).contains("(1 failures so far)", "(1000 failures so far)", "(2000 failures so far)")
                .doesNotContain("(2 failures so far)", "(999 failures so far)");
    }

    /** A real in-memory store behind a builder the test can watch. */
    private static final class WatchedStore {
        final CaffeineProxyManager<String> real = new RateLimitConfig().rateLimitBuckets(
                new RateLimitProperties(true, 100, 10, 1_000), TimeMeter.SYSTEM_MILLISECONDS);
        @SuppressWarnings("unchecked")
        final ProxyManager<String> buckets = mock(ProxyManager.class);
        @SuppressWarnings("unchecked")
        final RemoteBucketBuilder<String> builder = mock(RemoteBucketBuilder.class);

        @SuppressWarnings("unchecked")
        WatchedStore() {
            when(buckets.getProxy(anyString(), any())).thenAnswer(call -> real.getProxy(call.getArgument(0), call.getArgument(1)));
            when(buckets.builder()).thenReturn(builder);
            when(builder.withOptimization(any())).thenReturn(builder);
            when(builder.build(anyString(), any(Supplier.class))).thenAnswer(call -> real.builder()
                    .build((String) call.getArgument(0), (Supplier<BucketConfiguration>) call.getArgument(1)));
        }
    }

    @Test
    void the_in_memory_store_is_used_directly_without_batching() {
        WatchedStore store = new WatchedStore();
        RateLimiter limiter = new RateLimiter(store.buckets, new RateLimitProperties(true, 100, 10, 1_000));

        assertThat(limiter.tryConsume(API, "user:1").remaining()).isEqualTo(99);
        assertThat(limiter.tryConsume(API, "user:1").remaining()).isEqualTo(98);
        verify(store.buckets, times(2)).getProxy(anyString(), any());
        verify(store.buckets, never()).builder();
    }

    @Test
    void a_remote_store_batches_through_one_bucket_object_per_client() {
        WatchedStore store = new WatchedStore();
        RateLimiter limiter = new RateLimiter(store.buckets, new RateLimitProperties(true, 100, 10, 1_000, 5,
                Duration.ofMinutes(5), "redis", Set.of("login")));

        assertThat(limiter.tryConsume(API, "user:1").remaining()).isEqualTo(99);
        assertThat(limiter.tryConsume(API, "user:1").remaining()).isEqualTo(98);
        assertThat(limiter.peek(API, "user:1").remaining()).isEqualTo(98);
        assertThat(limiter.tryConsume(API, "user:2").remaining()).isEqualTo(99);
        verify(store.builder, times(2)).withOptimization(any()); // user:1 once, user:2 once
        verify(store.buckets, never()).getProxy(anyString(), any());
    }
}
