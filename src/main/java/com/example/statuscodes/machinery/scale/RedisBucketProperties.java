package com.example.statuscodes.machinery.scale;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The Redis bucket store's settings ({@link RedisBucketsConfig}). Used only with {@code app.rate-limit.store=redis}.
 *
 * @param url       the Redis server ({@code APP_RATE_LIMIT_REDIS_URL}), e.g. {@code redis://:password@redis:6379/0}
 * @param keyPrefix every bucket key starts with it, so the API's keys never collide with another application's
 * @param timeout   command timeout: how long a request may wait for Redis before the store counts as
 *                  unreachable (then a fail-open policy serves the request, a fail-closed one answers 503)
 * @param connectTimeout connecting and the connection's handshake, at start-up and when reconnecting in the
 *                  background (no request waits for a reconnect: commands are rejected at once meanwhile)
 */
@ConfigurationProperties("app.rate-limit.redis")
@Validated
public record RedisBucketProperties(
        @DefaultValue("redis://127.0.0.1:6379") @NotBlank String url,
        @DefaultValue("status-codes-api:rate-limit:") String keyPrefix,
        @DefaultValue("500ms") Duration timeout,
        @DefaultValue("3s") Duration connectTimeout) {
}
