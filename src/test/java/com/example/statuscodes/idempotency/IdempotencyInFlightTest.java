package com.example.statuscodes.idempotency;

import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.users.Role;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What HTTP alone cannot hold still long enough to observe: a retry that arrives while the first request with its
 * key is still running, and a first request that died half-way. The first request is played by a transaction held
 * open in another thread, claiming the key as {@link Idempotency} does. The test profile lets a retry wait 1 s.
 */
@ApiTest
@DisplayName("Idempotency-Key: a retry while the first request runs, and after it died")
class IdempotencyInFlightTest {

    private final ExecutorService firstRequest = Executors.newSingleThreadExecutor();

    @Autowired
    MockMvcTester mvc;
    @Autowired
    IdempotencyRecords records;
    @Autowired
    Idempotency idempotency;
    @Autowired
    UserRepository users;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void stopTheFirstRequest() {
        firstRequest.shutdownNow();
    }

    private String fingerprintOf(String email) {
        // The controller's fingerprint: the operation and the parsed body (e-mail normalised, unset fields null).
        return idempotency.fingerprintFor(List.of("POST /api/users",
                new com.example.statuscodes.users.UserRequest(email, "Retry", null, null, null)));
    }

    private MvcTestResult retry(String key, String email) {
        return mvc.post().uri("/api/users").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"%s\", \"name\": \"Retry\"}".formatted(email)).exchange();
    }

    /**
     * The first request: claims the key, and its answer is a 201 for account 424242, in a transaction that commits
     * (or, when {@code dies}, rolls back) {@code holdMillis} after the claim.
     */
    private Future<?> firstRequestHolding(String key, String email, long holdMillis, boolean dies) throws InterruptedException {
        CountDownLatch claimed = new CountDownLatch(1);
        Future<?> running = firstRequest.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            IdempotencyRecord record = records.saveAndFlush(new IdempotencyRecord("anonymous", key, fingerprintOf(email),
                    Instant.now(), Duration.ofHours(24)));
            record.complete(201, "/api/users/424242", "\"0\"",
                    "{\"id\": 424242, \"email\": \"%s\", \"name\": \"Retry\", \"role\": \"USER\"}".formatted(email));
            records.flush();
            claimed.countDown();
            sleep(holdMillis);
            if (dies) {
                status.setRollbackOnly();
            }
        }));
        assertThat(claimed.await(5, TimeUnit.SECONDS)).as("the first request claimed its key").isTrue();
        return running;
    }

    @Test
    void a_retry_while_the_first_request_runs_waits_for_it_and_gets_its_answer() throws Exception {
        String key = UUID.randomUUID().toString();
        String email = TestUsers.uniqueEmail("waits");
        Future<?> first = firstRequestHolding(key, email, 400, false);
        long start = System.nanoTime();

        MvcTestResult retry = retry(key, email);

        assertThat(retry).hasStatus(HttpStatus.CREATED)
                .hasHeader(HttpHeaders.LOCATION, "/api/users/424242")
                .hasHeader("Idempotent-Replayed", "true");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for the first request")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        first.get(5, TimeUnit.SECONDS);
        assertThat(users.findByEmail(email)).as("nothing run a second time").isEmpty();
    }

    @Test
    void a_retry_while_the_first_request_runs_longer_than_the_wait_returns_409_with_retry_after() throws Exception {
        String key = UUID.randomUUID().toString();
        String email = TestUsers.uniqueEmail("inflight");
        Future<?> first = firstRequestHolding(key, email, 2_500, true);

        assertProblem(retry(key, email), HttpStatus.CONFLICT,
                "A request with this Idempotency-Key is still being processed; retry in a moment")
                .hasHeader(HttpHeaders.RETRY_AFTER, "1");
        first.get(5, TimeUnit.SECONDS);
        assertThat(users.findByEmail(email)).isEmpty();
    }

    @Test
    void a_retry_after_the_first_request_died_half_way_is_processed_at_once() throws Exception {
        String key = UUID.randomUUID().toString();
        String email = TestUsers.uniqueEmail("died");
        Future<?> first = firstRequestHolding(key, email, 300, true); // its server died: the transaction rolls back

        MvcTestResult retry = retry(key, email);

        assertThat(retry).hasStatus(HttpStatus.CREATED).doesNotContainHeader("Idempotent-Replayed");
        first.get(5, TimeUnit.SECONDS);
        assertThat(users.findByEmail(email)).isPresent();
        assertThat(retry(key, email)).hasStatus(HttpStatus.CREATED).hasHeader("Idempotent-Replayed", "true");
    }

    @Test
    void the_key_the_work_and_the_answer_commit_together_so_a_failure_after_the_work_leaves_neither() {
        String key = UUID.randomUUID().toString();
        String email = TestUsers.uniqueEmail("together");
        assertThatThrownBy(() -> idempotency.execute("anonymous", key, List.of("POST /api/users", email), Object.class, () -> {
            users.saveAndFlush(new User(email, "Together", null, Role.USER, Instant.now()));
            throw new IllegalStateException("the server fails after the work, before the answer");
        })).hasMessage("the server fails after the work, before the answer");

        assertThat(users.findByEmail(email)).isEmpty();
        assertThat(records.findByScopeAndKey("anonymous", key)).isEmpty();
        assertThat(idempotency.execute("anonymous", key, List.of("POST /api/users", email), String.class,
                () -> ResponseEntity.status(HttpStatus.CREATED).body("the retry runs"))).extracting(ResponseEntity::getBody)
                .isEqualTo("the retry runs");
    }

    @Test
    void an_expired_key_is_free_again() {
        String key = UUID.randomUUID().toString();
        String email = TestUsers.uniqueEmail("expired");
        IdempotencyRecord old = new IdempotencyRecord("anonymous", key, fingerprintOf(email),
                Instant.now().minus(Duration.ofDays(2)), Duration.ofHours(24));
        old.complete(201, "/api/users/424242", "\"0\"", "{}");
        records.saveAndFlush(old);

        assertThat(retry(key, email)).hasStatus(HttpStatus.CREATED).doesNotContainHeader("Idempotent-Replayed");
    }

    @Test
    void expired_keys_are_deleted() {
        String key = UUID.randomUUID().toString();
        records.saveAndFlush(new IdempotencyRecord("anonymous", key, "0".repeat(64),
                Instant.now().minus(Duration.ofDays(2)), Duration.ofHours(24)));
        idempotency.deleteExpired();
        assertThat(records.findByScopeAndKey("anonymous", key)).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
