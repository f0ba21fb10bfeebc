package com.example.statuscodes.scale;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale profile on the real PostgreSQL and Redis, one instance, over HTTP: the schema is Flyway's (Hibernate
 * validates it), the duplicate-e-mail 409 comes from PostgreSQL's own signal and nothing else becomes a 409,
 * admin settings live in the database, and rate-limit buckets live in Redis under the API's namespace, expiring.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("scale")
class PostgresScaleIT {

    static final String KEY_PREFIX = "status-codes-api-it-" + UUID.randomUUID() + ":rate-limit:";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String redis = Services.redisUrl();
        String url = Services.freshDatabase("statuscodes_it");
        registry.add("spring.datasource.url", () -> url);
        registry.add("app.rate-limit.redis.url", () -> redis);
        registry.add("app.rate-limit.redis.key-prefix", () -> KEY_PREFIX);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @AfterEach
    void resetSettings() {
        jdbc.update("update admin_settings set signups_enabled = true, default_page_size = 20 where id = 1");
    }

    private Api api() {
        if (api == null) {
            api = new Api(port);
        }
        return api;
    }

    @Test
    void the_schema_is_flyways_on_postgresql() {
        assertThat(jdbc.queryForList("select version from flyway_schema_history where success order by installed_rank",
                String.class)).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(jdbc.queryForObject("select current_setting('server_version_num')::int", Integer.class))
                .isGreaterThan(100000);
    }

    @Test
    void sixteen_concurrent_signups_with_one_email_give_one_201_and_fifteen_409() throws Exception {
        Map<Integer, Long> statuses = concurrently(16,
                i -> api().send("POST", "/api/users", null, "{\"email\":\"race@example.com\",\"name\":\"Racer " + i + "\"}"));

        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 15L));
    }

    /**
     * PostgreSQL makes each retry's insert of the key wait for the first transaction (bounded by lock_timeout, which
     * it has no default for); when that commits, the retry replays its answer.
     */
    @Test
    void eight_concurrent_signups_with_one_idempotency_key_make_one_account_and_all_get_its_201() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<Integer, Long> statuses = concurrently(8, i -> api().send("POST", "/api/users", null,
                "{\"email\":\"keyed@example.com\",\"name\":\"Keyed\"}", "Idempotency-Key", key));

        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 8L));
        assertThat(jdbc.queryForObject("select count(*) from users where email = 'keyed@example.com'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void a_duplicate_email_through_put_is_409_with_the_guides_message() {
        String alice = api().token("alice@example.com", "alice-password");
        String etag = api().get("/api/users/1", alice).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> response = api().send("PUT", "/api/users/1", alice,
                "{\"email\":\"ADMIN@example.com\",\"name\":\"Alice\",\"age\":31}", "If-Match", etag);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"detail\":\"A user with this email already exists\"");
    }

    @Test
    void another_unique_violation_on_postgresql_is_not_a_409() {
        // A second unique constraint, which only the database knows: violating it is no duplicate e-mail.
        jdbc.execute("alter table users add constraint uk_users_name_for_test unique (name)");
        try {
            assertThat(api().send("POST", "/api/users", null, "{\"email\":\"n1@example.com\",\"name\":\"Twin\"}")
                    .statusCode()).isEqualTo(201);

            HttpResponse<String> second = api().send("POST", "/api/users", null,
                    "{\"email\":\"n2@example.com\",\"name\":\"Twin\"}");

            assertThat(second.statusCode()).isEqualTo(500);
            assertThat(second.body()).doesNotContain("already exists").doesNotContain("uk_users_name_for_test");
        } finally {
            jdbc.execute("alter table users drop constraint uk_users_name_for_test");
        }
    }

    @Test
    void admin_settings_are_the_databases_row() {
        String admin = api().token("admin@example.com", "admin-password");

        HttpResponse<String> put = api().send("PUT", "/api/admin/settings", admin,
                "{\"signupsEnabled\":false,\"defaultPageSize\":7}");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForMap("select signups_enabled, default_page_size from admin_settings"))
                .containsEntry("signups_enabled", false).containsEntry("default_page_size", 7);
        assertThat(api().send("POST", "/api/users", null, "{\"email\":\"closed@example.com\"}").statusCode())
                .isEqualTo(403);

        // A change made in the database (by another instance) holds here at once.
        jdbc.update("update admin_settings set signups_enabled = true where id = 1");
        assertThat(api().send("POST", "/api/users", null, "{\"email\":\"open@example.com\"}").statusCode())
                .isEqualTo(201);
    }

    @Test
    void a_regular_user_still_gets_403_on_admin_settings() {
        String alice = api().token("alice@example.com", "alice-password");

        HttpResponse<String> response = api().send("PUT", "/api/admin/settings", alice,
                "{\"signupsEnabled\":false,\"defaultPageSize\":7}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select signups_enabled from admin_settings", Boolean.class)).isTrue();
    }

    @Test
    void login_buckets_live_in_redis_under_the_namespace_and_expire() {
        // The test connects from 127.0.0.1, the scale profile's trusted proxy, so it may name the client. Attempts
        // until the first 429: the budget of 10, plus what refilled meanwhile (one every 6 s on a slow machine).
        long start = System.nanoTime();
        int attempts = 0;
        HttpResponse<String> last;
        do {
            last = wrongPassword(++attempts);
        } while (last.statusCode() == 401 && attempts < 30);
        long refilled = (System.nanoTime() - start) / 6_000_000_000L;
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(attempts - 1).isBetween(10, 10 + (int) refilled + 1);

        RedisClient client = RedisClient.create("redis://" + Services.REDIS_HOST + ":" + Services.REDIS_PORT);
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            String key = KEY_PREFIX + "login:ip:203.0.113.7";
            assertThat(redis.sync().keys(KEY_PREFIX + "*")).contains(key)
                    .allMatch(k -> k.startsWith(KEY_PREFIX + "login:") || k.startsWith(KEY_PREFIX + "login-account:")
                            || k.startsWith(KEY_PREFIX + "default:"));
            long ttl = redis.sync().pttl(key);
            assertThat(ttl).isPositive().isLessThanOrEqualTo(61_000);
        } finally {
            client.shutdown();
        }
    }

    private HttpResponse<String> wrongPassword(int attempt) {
        return api().send("POST", "/api/auth/token", null,
                // A new account each time: the per-address limit alone, with no account reaching its own.
                "{\"email\":\"guess-" + attempt + "-" + UUID.randomUUID() + "@example.com\",\"password\":\"wrong\"}",
                "X-Forwarded-For", "203.0.113.7");
    }

    /** Runs {@code n} requests at once (released together) and counts their status codes. */
    static Map<Integer, Long> concurrently(int n, Function<Integer, HttpResponse<String>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return request.apply(index).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }
}
