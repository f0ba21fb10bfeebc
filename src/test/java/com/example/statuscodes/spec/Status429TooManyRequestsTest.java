package com.example.statuscodes.spec;

import com.example.statuscodes.errors.RequestId;
import com.example.statuscodes.support.MovableClock;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.support.Tokens;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static com.example.statuscodes.errors.ProblemType.RATE_LIMIT;
import static com.example.statuscodes.support.Problem.assertProblem;
import static com.example.statuscodes.support.RequestIds.assertProblemCarriesRequestId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's 429 "slow down", with {@code Retry-After}. Small limits (5 requests, 10 logins a minute) and a
 * clock the test moves, so nothing sleeps.
 */
@SpringBootTest(properties = {
        "app.rate-limit.enabled=true",
        "app.rate-limit.requests-per-minute=5",
        "app.rate-limit.login-attempts-per-minute=10"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({Tokens.class, TestUsers.class, MovableClock.AsTheLimitersClock.class})
@DisplayName("429 Too Many Requests: slow down")
class Status429TooManyRequestsTest {

    /** A login is under two policies: the address's attempts and the account's failures. */
    private static final String LOGIN_POLICIES = "\"login\";q=10;w=60, \"login-account\";q=5;w=300";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    MovableClock clock;
    @Autowired
    CaffeineProxyManager<String> buckets;

    @BeforeEach
    void emptyAllBuckets() {
        buckets.getCache().invalidateAll();
    }

    private static RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    private MvcTestResult login(String ip, String password) {
        return login(ip, "alice@example.com", password);
    }

    private MvcTestResult login(String ip, String email, String password) {
        return mvc.post().uri("/api/auth/token").with(from(ip)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password)).exchange();
    }

    /** One wrong password for each of ten accounts: the per-address limit, with no account reaching its own. */
    private void tenWrongPasswordsFrom(String ip) {
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(login(ip, "user" + attempt + "@example.com", "wrong-password")).hasStatus(HttpStatus.UNAUTHORIZED);
        }
    }

    private MvcTestResult me(String authorization) {
        return mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, authorization).exchange();
    }

    /** The whole answer, as a client sees it: a fixed X-Request-Id makes every member known. */
    @Test
    void eleventh_login_attempt_returns_429_with_exactly_this_body_and_headers() {
        tenWrongPasswordsFrom("10.0.9.1");
        assertThat(mvc.post().uri("/api/auth/token").with(from("10.0.9.1")).header(RequestId.HEADER, "example-429")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"alice@example.com\", \"password\": \"wrong-password\"}"))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(HttpHeaders.RETRY_AFTER, "6")
                .hasHeader("RateLimit-Policy", LOGIN_POLICIES)
                .hasHeader("RateLimit", "\"login\";r=0;t=6")
                .hasHeader(RequestId.HEADER, "example-429")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "/problems/rate-limit", "title": "Too Many Requests", "status": 429,
                         "detail": "Rate limit exceeded; retry in 6 seconds", "instance": "/api/auth/token",
                         "requestId": "example-429"}
                        """);
    }

    @Nested
    @DisplayName("login attempts, per client IP")
    class Login {

        @Test
        void eleventh_login_attempt_in_a_minute_returns_429_with_retry_after() {
            tenWrongPasswordsFrom("10.0.0.1");
            MvcTestResult eleventh = login("10.0.0.1", "wrong-password");
            assertProblem(eleventh, RATE_LIMIT, HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded; retry in 6 seconds")
                    .hasHeader(HttpHeaders.RETRY_AFTER, "6")
                    .hasHeader("RateLimit-Policy", LOGIN_POLICIES)
                    .hasHeader("RateLimit", "\"login\";r=0;t=6"); // t: seconds until more quota, as Retry-After
        }

        @Test
        void limit_is_checked_before_the_password_so_even_the_right_one_waits() {
            tenWrongPasswordsFrom("10.0.0.2");
            assertThat(login("10.0.0.2", "alice-password")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        }

        @Test
        void another_ip_has_its_own_login_budget() {
            tenWrongPasswordsFrom("10.0.0.3");
            assertThat(login("10.0.0.3", "alice-password")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(login("10.0.0.4", "alice-password")).hasStatusOk();
        }
    }

    @Nested
    @DisplayName("failed logins, per account, from any address")
    class FailedLoginsPerAccount {

        @Test
        void sixth_wrong_password_for_one_account_from_six_addresses_returns_429() {
            // Five addresses, one guess each: every address is far below its own limit, the account is not.
            for (int address = 1; address <= 5; address++) {
                assertThat(login("10.0.5." + address, "wrong-password")).hasStatus(HttpStatus.UNAUTHORIZED);
            }
            assertProblem(login("10.0.5.6", "wrong-password"), RATE_LIMIT, HttpStatus.TOO_MANY_REQUESTS,
                    "Rate limit exceeded; retry in 60 seconds")
                    .hasHeader(HttpHeaders.RETRY_AFTER, "60");
        }

        /**
         * The 429 names the policy that refused it, with nothing left and {@code t} equal to {@code Retry-After}, not
         * the address's budget ("four left" on a refusal); {@code RateLimit-Policy} lists both policies of a login.
         */
        @Test
        void the_accounts_429_names_the_account_policy_in_ratelimit_and_both_policies_in_ratelimit_policy() {
            for (int address = 1; address <= 5; address++) {
                login("10.0.10." + address, "wrong-password");
            }
            MvcTestResult refused = login("10.0.10.6", "wrong-password");
            assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasHeader(HttpHeaders.RETRY_AFTER, "60");
            assertThat(refused.getResponse().getHeaders("RateLimit")).containsExactly("\"login-account\";r=0;t=60");
            assertThat(refused.getResponse().getHeaders("RateLimit-Policy")).containsExactly(LOGIN_POLICIES);
        }

        @Test
        void every_login_announces_both_policies_and_the_addresss_budget() {
            assertThat(login("10.0.11.1", "wrong-password")).hasStatus(HttpStatus.UNAUTHORIZED)
                    .hasHeader("RateLimit-Policy", LOGIN_POLICIES)
                    .hasHeader("RateLimit", "\"login\";r=9;t=6");
        }

        @Test
        void while_the_account_is_at_its_limit_even_the_right_password_waits_but_only_a_minute() {
            for (int address = 1; address <= 5; address++) {
                login("10.0.6." + address, "wrong-password");
            }
            assertThat(login("10.0.6.9", "alice-password")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
            clock.advance(Duration.ofSeconds(60));
            assertThat(login("10.0.6.9", "alice-password")).hasStatusOk();
        }

        @Test
        void successful_logins_do_not_count() {
            for (int attempt = 1; attempt <= 8; attempt++) {
                assertThat(login("10.0.7." + attempt, "alice-password")).hasStatusOk();
            }
        }

        @Test
        void an_unknown_address_is_limited_the_same_way_so_a_429_reveals_no_account() {
            for (int address = 1; address <= 5; address++) {
                login("10.0.8." + address, "nobody@example.com", "wrong-password");
            }
            assertThat(login("10.0.8.9", "nobody@example.com", "wrong-password")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        }
    }

    @Nested
    @DisplayName("invalid tokens, per client IP")
    class InvalidTokens {

        /**
         * The filter remembers for a minute which addresses sent an invalid token, and no test can empty that memory:
         * each test takes addresses no earlier run has used, so it shows the filter's work, not a leftover of a
         * previous run in the same JVM (as under mutation testing).
         */
        private static final AtomicInteger ADDRESSES = new AtomicInteger();

        private static String freshAddress() {
            int n = ADDRESSES.incrementAndGet();
            return "10.9." + (n / 250) + "." + (n % 250 + 1);
        }

        @Test
        void invalid_tokens_count_against_the_address_and_the_sixth_returns_429() {
            String address = freshAddress();
            for (int request = 1; request <= 5; request++) {
                assertThat(mvc.get().uri("/api/me").with(from(address))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer invalid-" + request)).hasStatus(HttpStatus.UNAUTHORIZED);
            }
            assertProblem(mvc.get().uri("/api/me").with(from(address))
                            .header(HttpHeaders.AUTHORIZATION, "Bearer invalid-6").exchange(),
                    RATE_LIMIT, HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded; retry in 12 seconds")
                    .hasHeader(HttpHeaders.RETRY_AFTER, "12")
                    .hasHeader("RateLimit-Policy", "\"default\";q=5;w=60")
                    .hasHeader("RateLimit", "\"default\";r=0;t=12");
        }

        @Test
        void once_the_address_is_spent_even_a_valid_token_from_it_waits() {
            String address = freshAddress();
            for (int request = 1; request <= 6; request++) {
                mvc.get().uri("/api/me").with(from(address)).header(HttpHeaders.AUTHORIZATION, "Bearer invalid-" + request)
                        .exchange();
            }
            // The address is spent, so a token is refused before it is verified: one more guess costs nothing.
            assertThat(mvc.get().uri("/api/me").with(from(address)).header(HttpHeaders.AUTHORIZATION, users.alice()))
                    .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(mvc.get().uri("/api/me").with(from(freshAddress())).header(HttpHeaders.AUTHORIZATION, users.alice()))
                    .hasStatusOk();
        }
    }

    @Nested
    @DisplayName("API requests, per user (per IP when anonymous)")
    class Api {

        @Test
        void sixth_request_of_a_user_in_a_minute_returns_429_with_retry_after() {
            String alice = users.alice();
            for (int request = 1; request <= 5; request++) {
                assertThat(me(alice)).hasStatusOk();
            }
            assertProblem(me(alice), RATE_LIMIT, HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded; retry in 12 seconds")
                    .hasHeader(HttpHeaders.RETRY_AFTER, "12");
        }

        @Test
        void a_429_from_the_limiter_carries_the_request_id() {
            String alice = users.alice();
            for (int request = 1; request <= 5; request++) {
                me(alice);
            }
            MvcTestResult refused = mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, alice)
                    .header("X-Request-Id", "req-429").exchange();
            assertProblem(refused, RATE_LIMIT, HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded; retry in 12 seconds");
            assertThat(assertProblemCarriesRequestId(refused)).isEqualTo("req-429");
        }

        @Test
        void t_is_the_seconds_until_the_next_request_not_until_the_bucket_is_full() {
            // 5 a minute: one request comes back every 12 s. Three at once, then 5 s later a fourth: 1 left, the next
            // one due 12 s after the last refill began, so in 7 s; the bucket is full again only in 43 s.
            String alice = users.alice();
            for (int request = 1; request <= 3; request++) {
                assertThat(me(alice)).hasStatusOk();
            }
            clock.advance(Duration.ofSeconds(5));
            assertThat(me(alice)).hasStatusOk().hasHeader("RateLimit", "\"default\";r=1;t=7");
        }

        @Test
        void a_200_carries_the_ratelimit_headers() {
            assertThat(me(users.alice()))
                    .hasStatusOk()
                    .hasHeader("RateLimit-Policy", "\"default\";q=5;w=60")
                    .hasHeader("RateLimit", "\"default\";r=4;t=12");
        }

        @Test
        void two_users_have_separate_buckets() {
            String alice = users.alice();
            for (int request = 1; request <= 6; request++) {
                me(alice);
            }
            assertThat(me(alice)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(me(users.admin())).hasStatusOk();
        }

        @Test
        void anonymous_callers_are_limited_by_ip() {
            for (int request = 1; request <= 5; request++) {
                assertThat(mvc.get().uri("/api/me").with(from("10.0.1.1"))).hasStatus(HttpStatus.UNAUTHORIZED);
            }
            assertThat(mvc.get().uri("/api/me").with(from("10.0.1.1"))).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(mvc.get().uri("/api/me").with(from("10.0.1.2"))).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        @Test
        void ipv6_clients_share_the_bucket_of_their_64_network() {
            for (int request = 1; request <= 5; request++) {
                mvc.get().uri("/api/me").with(from("2001:db8:1:2::" + request)).exchange();
            }
            assertThat(mvc.get().uri("/api/me").with(from("2001:db8:1:2:ffff::9")))
                    .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(mvc.get().uri("/api/me").with(from("2001:db8:1:3::1"))).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        @Test
        void ipv6_clients_whose_address_begins_with_two_colons_share_the_bucket_of_their_64_network() {
            // "::" at index 0: compressed leading zeros are an IPv6 address like any other, keyed by its /64.
            for (int request = 1; request <= 5; request++) {
                assertThat(mvc.get().uri("/api/me").with(from("::" + request))).hasStatus(HttpStatus.UNAUTHORIZED);
            }
            assertProblem(mvc.get().uri("/api/me").with(from("::1:0:0:9")).exchange(), RATE_LIMIT,
                    HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded; retry in 12 seconds")
                    .hasHeader(HttpHeaders.RETRY_AFTER, "12");
            assertThat(mvc.get().uri("/api/me").with(from("0:0:0:1::1"))).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        @Test
        void forged_x_forwarded_for_does_not_get_a_fresh_bucket() {
            for (int request = 1; request <= 5; request++) {
                mvc.get().uri("/api/me").with(from("10.0.2.1")).header("X-Forwarded-For", "203.0.113." + request)
                        .exchange();
            }
            assertThat(mvc.get().uri("/api/me").with(from("10.0.2.1")).header("X-Forwarded-For", "198.51.100.7"))
                    .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        }

        @Test
        void retry_after_is_rounded_up_to_at_least_one_second() {
            String alice = users.alice();
            for (int request = 1; request <= 5; request++) {
                me(alice);
            }
            clock.advance(Duration.ofMillis(11_500));
            assertThat(me(alice)).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasHeader(HttpHeaders.RETRY_AFTER, "1");
        }

        @Test
        void waiting_retry_after_seconds_is_enough() {
            String alice = users.alice();
            for (int request = 1; request <= 5; request++) {
                me(alice);
            }
            assertThat(me(alice)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
            clock.advance(Duration.ofSeconds(12));
            assertThat(me(alice)).hasStatusOk();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/livez", "/readyz"})
        void liveness_and_readiness_on_the_api_port_are_never_limited(String probe) {
            for (int request = 1; request <= 20; request++) {
                assertThat(mvc.get().uri(probe).with(from("10.0.3.2")))
                        .hasStatusOk()
                        .doesNotContainHeader("RateLimit");
            }
        }

        @Test
        void health_is_never_limited() {
            for (int request = 1; request <= 20; request++) {
                assertThat(mvc.get().uri("/actuator/health").with(from("10.0.3.1")))
                        .hasStatusOk()
                        .doesNotContainHeader("RateLimit");
            }
        }
    }
}
