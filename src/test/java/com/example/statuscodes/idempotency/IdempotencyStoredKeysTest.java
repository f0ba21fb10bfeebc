package com.example.statuscodes.idempotency;

import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.users.UserRepository;
import com.example.statuscodes.users.UserRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the database holds for a key, and what a key's row may look like when a request finds it. */
@ApiTest
@DisplayName("Idempotency-Key: the stored fingerprint, rows of older versions, expired keys, the session's lock wait")
class IdempotencyStoredKeysTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Idempotency idempotency;
    @Autowired
    IdempotencyRecords records;
    @Autowired
    UserRepository users;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Value("${app.jwt.secret}")
    String serverSecret;

    private final Object signUp = List.of("POST /api/users", new UserRequest("a@example.com", null, null, null, "secret-password"));

    @Test
    void the_fingerprint_is_an_hmac_with_a_key_derived_from_the_server_secret_so_a_stolen_row_tests_no_password()
            throws Exception {
        byte[] canonical = json.writeValueAsString(signUp).getBytes(StandardCharsets.UTF_8);
        byte[] derived = hmac(serverSecret.getBytes(StandardCharsets.UTF_8),
                "Idempotency-Key request fingerprint".getBytes(StandardCharsets.UTF_8));

        assertThat(idempotency.fingerprintFor(signUp))
                .isEqualTo(HexFormat.of().formatHex(hmac(derived, canonical)))
                .isNotEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical)));
    }

    /**
     * Defence in depth for issue #22: {@code getBytes(UTF_8)} encoded a lone surrogate as '?', so requests that differ
     * in one were one fingerprint. The JSON reading refuses them first; the fingerprint refuses them again.
     */
    @Test
    void a_lone_surrogate_has_no_fingerprint_so_it_cannot_share_one_with_a_question_mark() {
        Object question = List.of("POST /api/users", new UserRequest("a@example.com", "?", null, null, "secret-password"));
        assertThat(idempotency.fingerprintFor(question)).hasSize(64);
        for (String lone : List.of("\ud800", "\udfff")) {
            Object surrogate = List.of("POST /api/users", new UserRequest("a@example.com", lone, null, null, "secret-password"));
            assertThatThrownBy(() -> idempotency.fingerprintFor(surrogate)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_row_an_older_version_committed_without_its_answer_returns_409_with_retry_after_not_500() {
        String key = UUID.randomUUID().toString();
        String email = TestUsers.uniqueEmail("unanswered");
        records.saveAndFlush(new IdempotencyRecord("anonymous", key, fingerprintOfSignUp(email), Instant.now(),
                Duration.ofHours(24)));

        assertProblem(signUp(key, email), HttpStatus.CONFLICT,
                "A request with this Idempotency-Key is still being processed; retry in a moment")
                .hasHeader(HttpHeaders.RETRY_AFTER, "1");
        assertThat(users.findByEmail(email)).as("not run: the older instance may still be running it").isEmpty();
    }

    @Test
    void an_expired_key_deleted_by_another_retry_meanwhile_is_free_for_this_one_too() {
        String key = UUID.randomUUID().toString();
        records.saveAndFlush(new IdempotencyRecord("anonymous", key, idempotency.fingerprintFor(signUp),
                Instant.now().minus(Duration.ofDays(2)), Duration.ofHours(24)));
        // The other retry (another instance) deletes the expired row just as this one looks at the time.
        Clock otherRetryDeletesFirst = new ClockWithSideEffect(() -> CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(status ->
                        records.deleteExpired("anonymous", key, Instant.now()))).join());
        Idempotency thisRetry = new Idempotency(records, new IdempotencyProperties(Duration.ofHours(24), Duration.ofSeconds(1)),
                new RequestFingerprints(new SecretKeySpec(serverSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), json),
                json, otherRetryDeletesFirst, new KeyLockWait(jdbc.getDataSource()), transactions);

        ResponseEntity<String> answer = thisRetry.execute("anonymous", key, signUp, String.class,
                () -> ResponseEntity.status(HttpStatus.CREATED).body("processed"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody()).isEqualTo("processed");
    }

    @Test
    void a_claim_on_h2_puts_the_sessions_lock_timeout_back_for_whatever_uses_the_pooled_connection_next() {
        Integer after = new TransactionTemplate(transactions).execute(status -> {
            Integer before = jdbc.queryForObject("call lock_timeout()", Integer.class);
            jdbc.execute("set lock_timeout 4321");
            try {
                idempotency.execute("anonymous", UUID.randomUUID().toString(), signUp, String.class,
                        () -> ResponseEntity.status(HttpStatus.CREATED).body("processed"));
                return jdbc.queryForObject("call lock_timeout()", Integer.class);
            } finally {
                jdbc.execute("set lock_timeout " + before);
            }
        });

        assertThat(after).isEqualTo(4321);
    }

    private String fingerprintOfSignUp(String email) {
        return idempotency.fingerprintFor(List.of("POST /api/users", new UserRequest(email, "Retry", null, null, null)));
    }

    private MvcTestResult signUp(String key, String email) {
        return mvc.post().uri("/api/users").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"%s\", \"name\": \"Retry\"}".formatted(email)).exchange();
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** The system clock, which runs {@code sideEffect} the first time it is read. */
    private static final class ClockWithSideEffect extends Clock {
        private final AtomicReference<Runnable> sideEffect;

        ClockWithSideEffect(Runnable sideEffect) {
            this.sideEffect = new AtomicReference<>(sideEffect);
        }

        @Override
        public Instant instant() {
            Runnable once = sideEffect.getAndSet(null);
            if (once != null) {
                once.run();
            }
            return Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
