package com.example.statuscodes.machinery.scale;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Buys one rate limit across every instance (without it, N instances allow N times the limit: the two-instance
 * check in {@code .ci/scale-checks.py} shows it). Buckets in Redis ({@code app.rate-limit.store=redis}, set by the {@code redis} profile), so every instance
 * counts against the same budget: the 11th wrong password in a minute is refused whichever instance answers.
 * <ul>
 *   <li>Compare-and-swap buckets (bucket4j's Lettuce module): an exchange with Redis is two round trips, a
 *       {@code GET} of the bucket, then a short Lua script that writes the new state only if the key still holds
 *       what was read, or is still absent for a new bucket (otherwise another instance came first, and bucket4j
 *       reads again). A client's concurrent requests to one instance share an exchange ({@link RateLimiter}).</li>
 *   <li>Keys are namespaced ({@code app.rate-limit.redis.key-prefix}) and expire as soon as the bucket would be
 *       full again, as in memory, so Redis holds only the buckets of clients active in the last minute.</li>
 *   <li>Short timeouts, and commands are rejected at once while the connection is down (no queueing), so an
 *       outage costs a request {@code timeout} at most; Lettuce reconnects in the background every second.
 *       What a request gets during an outage is {@link RateLimiter}'s policy.</li>
 * </ul>
 * Redis must be reachable when the instance starts (it fails to start otherwise, saying so).
 */
@Configuration
@ConditionalOnProperty(name = "app.rate-limit.store", havingValue = "redis")
public class RedisBucketsConfig {

    @Bean(destroyMethod = "shutdown")
    ClientResources rateLimitRedisResources() {
        return ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofSeconds(1))).build();
    }

    @Bean(destroyMethod = "shutdown")
    RedisClient rateLimitRedisClient(ClientResources rateLimitRedisResources, RedisBucketProperties properties) {
        RedisURI uri = RedisURI.create(properties.url());
        uri.setTimeout(properties.connectTimeout()); // the handshake; commands have their own timeout below
        RedisClient client = RedisClient.create(rateLimitRedisResources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(properties.timeout()))
                .build());
        return client;
    }

    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, byte[]> rateLimitRedisConnection(RedisClient rateLimitRedisClient,
                                                                      RedisBucketProperties properties) {
        return rateLimitRedisClient.connect(new PrefixedKeyCodec(properties.keyPrefix()));
    }

    @Bean
    ProxyManager<String> rateLimitBuckets(StatefulRedisConnection<String, byte[]> rateLimitRedisConnection,
                                          RedisBucketProperties properties, TimeMeter rateLimitClock) {
        return Bucket4jLettuce.casBasedBuilder(rateLimitRedisConnection)
                // The key lives until the bucket would be full again, plus a second for clock skew between
                // instances: an expired key and a full bucket are the same thing.
                .expirationAfterWrite(ExpirationAfterWriteStrategy
                        .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1)))
                .requestTimeout(properties.timeout())
                .clientClock(rateLimitClock)
                .build();
    }

    /** String keys with the namespace prefix added on the wire; values are bucket4j's bytes, unchanged. */
    static final class PrefixedKeyCodec implements RedisCodec<String, byte[]> {

        private final String prefix;

        PrefixedKeyCodec(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public String decodeKey(ByteBuffer bytes) {
            String key = StandardCharsets.UTF_8.decode(bytes).toString();
            return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
        }

        @Override
        public byte[] decodeValue(ByteBuffer bytes) {
            return ByteArrayCodec.INSTANCE.decodeValue(bytes);
        }

        @Override
        public ByteBuffer encodeKey(String key) {
            return StandardCharsets.UTF_8.encode(prefix + key);
        }

        @Override
        public ByteBuffer encodeValue(byte[] value) {
            return ByteArrayCodec.INSTANCE.encodeValue(value);
        }
    }
}
