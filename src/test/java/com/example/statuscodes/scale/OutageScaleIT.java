package com.example.statuscodes.scale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real faults, no restart: PostgreSQL reached through a relay the test cuts and restores, and a redis-server of the
 * test's own that it stops and starts again.
 * <ul>
 *   <li>PostgreSQL unreachable: every request that needs it is a 503 problem with Retry-After (also when the
 *       failure happens in the bearer-token check, outside Spring MVC), readiness is DOWN; once it is back, the
 *       same requests succeed and readiness is UP.</li>
 *   <li>Redis unreachable: the login limit fails closed (503 + Retry-After: no unlimited password guessing), the
 *       API limit fails open (served); once it is back, both count again.</li>
 * </ul>
 */
// A login budget a slow machine spends well within one refill (one attempt every 20 s).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.rate-limit.login-attempts-per-minute=3", "management.server.port=0"})
@ActiveProfiles("scale")
class OutageScaleIT {

    static TcpRelay postgres;
    static RedisProcess redis;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        Services.freshDatabase("statuscodes_it_outage");
        postgres = new TcpRelay(Services.PG_HOST, Services.PG_PORT);
        redis = new RedisProcess();
        registry.add("spring.datasource.url", () -> Services.jdbcUrl(postgres.port(), "statuscodes_it_outage"));
        registry.add("app.rate-limit.redis.url", redis::url);
    }

    @AfterAll
    static void stopServices() {
        if (postgres != null) {
            postgres.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void postgresql_outage_is_503_with_retry_after_and_recovers_without_restart() {
        Api api = new Api(port, "203.0.113.1");
        String alice = api.token("alice@example.com", "alice-password");
        String admin = api.token("admin@example.com", "admin-password");
        assertThat(api.get("/api/users/1", alice).statusCode()).isEqualTo(200); // alice's account is now cached
        assertThat(api.get("/readyz", null).statusCode()).isEqualTo(200);

        postgres.cut();
        try {
            // In a controller (the account is cached, so the bearer check needs no query).
            assertUnavailable(api.get("/api/users/1", alice));
            // In the bearer-token check, in the security filter chain: admin's account was never looked up.
            assertUnavailable(api.get("/api/users/2", admin));
            // The login, and a sign-up.
            assertUnavailable(api.login("alice@example.com", "alice-password"));
            assertUnavailable(api.send("POST", "/api/users", null, "{\"email\":\"during-outage@example.com\"}"));
            HttpResponse<String> readiness = api.get("/readyz", null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
        } finally {
            postgres.restore();
        }

        assertThat(eventually(() -> api.get("/api/users/2", admin)).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/users/1", alice).statusCode()).isEqualTo(200);
        assertThat(api.send("POST", "/api/users", null, "{\"email\":\"after-outage@example.com\"}").statusCode())
                .isEqualTo(201);
        assertThat(eventually(() -> api.get("/readyz", null)).statusCode()).isEqualTo(200);
    }

    @Test
    void redis_outage_closes_the_login_and_keeps_the_api_open_then_both_count_again() {
        Api api = new Api(port, "203.0.113.2");
        String alice = api.token("alice@example.com", "alice-password");

        redis.stop();
        try {
            HttpResponse<String> login = api.login("alice@example.com", "alice-password");
            assertUnavailable(login);
            assertThat(api.login("alice@example.com", "wrong").statusCode()).isEqualTo(503);

            HttpResponse<String> get = api.get("/api/users/1", alice);
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).contains("\"email\":\"alice@example.com\"");
        } finally {
            redis.start();
        }

        // Lettuce reconnects on its own (about a second); then the login works and is counted again (the restarted
        // Redis kept nothing, so the budget of 3 starts full).
        assertThat(eventually(() -> api.login("alice@example.com", "alice-password")).statusCode()).isEqualTo(200);
        for (int attempt = 2; attempt <= 3; attempt++) {
            assertThat(api.login("alice@example.com", "wrong").statusCode()).as("attempt " + attempt).isEqualTo(401);
        }
        assertThat(api.login("alice@example.com", "wrong").statusCode()).isEqualTo(429);
        assertThat(api.get("/api/users/1", alice).headers().firstValue("RateLimit").orElseThrow())
                .matches("\"default\";r=9[0-9];t=\\d+");
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).contains("\"status\":503").contains("temporarily unavailable")
                .doesNotContain("Exception").doesNotContain("jdbc").doesNotContain("redis");
    }

    /** The first answer that is not a 503, within 20 s (the pool or the Redis client reconnecting). */
    private static HttpResponse<String> eventually(Supplier<HttpResponse<String>> request) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        HttpResponse<String> response = request.get();
        while (response.statusCode() == 503 && Instant.now().isBefore(deadline)) {
            RedisProcess.sleep(250);
            response = request.get();
        }
        return response;
    }
}
