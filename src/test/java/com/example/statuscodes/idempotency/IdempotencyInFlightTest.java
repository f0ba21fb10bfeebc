package com.example.statuscodes.idempotency;

import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The states of a key that HTTP alone cannot hold still long enough to observe: a first request still running,
 * and one whose server stopped half-way. The record is set up directly, as {@link Idempotency} would leave it.
 */
@ApiTest
@DisplayName("Idempotency-Key: in flight and abandoned")
class IdempotencyInFlightTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    IdempotencyRecords records;
    @Autowired
    Idempotency idempotency;
    @Autowired
    UserRepository users;

    private String fingerprintOf(String email) {
        // The controller's fingerprint: the operation and the parsed body (e-mail normalised, unset fields null).
        return idempotency.fingerprintFor(List.of("POST /api/users",
                new com.example.statuscodes.users.UserRequest(email, "Retry", null, null, null)));
    }

    @Test
    void the_same_request_while_the_first_is_still_running_returns_409_with_retry_after() {
        String key = UUID.randomUUID().toString();
        String email = TestUsers.uniqueEmail("inflight");
        records.saveAndFlush(new IdempotencyRecord("anonymous", key, fingerprintOf(email), Instant.now(), Duration.ofHours(24)));

        assertProblem(mvc.post().uri("/api/users").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"%s\", \"name\": \"Retry\"}".formatted(email)).exchange(),
                HttpStatus.CONFLICT, "A request with this Idempotency-Key is still being processed; retry in a moment")
                .hasHeader(HttpHeaders.RETRY_AFTER, "1");
        assertThat(users.findByEmail(email)).isEmpty();
    }

    @Test
    void a_key_whose_first_request_never_finished_is_free_again_after_the_in_flight_timeout() {
        String key = UUID.randomUUID().toString();
        String email = TestUsers.uniqueEmail("abandoned");
        records.saveAndFlush(new IdempotencyRecord("anonymous", key, fingerprintOf(email),
                Instant.now().minus(Duration.ofMinutes(2)), Duration.ofHours(24)));

        assertThat(mvc.post().uri("/api/users").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"%s\", \"name\": \"Retry\"}".formatted(email))).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void expired_keys_are_deleted() {
        String key = UUID.randomUUID().toString();
        records.saveAndFlush(new IdempotencyRecord("anonymous", key, "0".repeat(64),
                Instant.now().minus(Duration.ofDays(2)), Duration.ofHours(24)));
        idempotency.deleteExpired();
        assertThat(records.findByScopeAndKey("anonymous", key)).isEmpty();
    }
}
