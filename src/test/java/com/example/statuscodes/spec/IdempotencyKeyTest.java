package com.example.statuscodes.spec;

import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.util.Map;
import java.util.UUID;

import static com.example.statuscodes.errors.ProblemType.VALIDATION;
import static com.example.statuscodes.support.Problem.assertErrors;
import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beyond the guide: {@code Idempotency-Key} on sign-up (draft-ietf-httpapi-idempotency-key-header). A client whose
 * connection dropped sends the same request with the same key and gets the first answer, never a second account
 * or a 409 for its own e-mail. The concurrent case (one 201, the rest 409) is in {@code RealServerTest}.
 */
@ApiTest
@DisplayName("Idempotency-Key: a sign-up that can be retried safely")
class IdempotencyKeyTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    UserRepository repository;

    private MvcTestResult signUp(String key, String body) {
        return mvc.post().uri("/api/users").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private static String body(String email) {
        return "{\"email\": \"%s\", \"name\": \"Retry\"}".formatted(email);
    }

    @Test
    void the_same_request_with_the_same_key_replays_the_201_and_creates_nothing_more() throws Exception {
        String key = "\"" + UUID.randomUUID() + "\""; // the draft's form, a quoted string
        String email = TestUsers.uniqueEmail("retry");
        MvcTestResult first = signUp(key, body(email));
        assertThat(first).hasStatus(HttpStatus.CREATED).doesNotContainHeader("Idempotent-Replayed");
        Integer id = JsonPath.read(first.getResponse().getContentAsString(), "$.id");

        MvcTestResult again = signUp(key, body(email));
        assertThat(again).hasStatus(HttpStatus.CREATED)
                .hasHeader(HttpHeaders.LOCATION, "/api/users/" + id)
                .hasHeader(HttpHeaders.ETAG, "\"0\"")
                .hasHeader("Idempotent-Replayed", "true")
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .bodyJson().isLenientlyEqualTo("{\"id\": %d, \"email\": \"%s\", \"name\": \"Retry\", \"role\": \"USER\"}"
                        .formatted(id, email));
        assertThat(repository.findByEmail(email)).isPresent();
        assertThat(repository.findAll()).filteredOn(user -> user.getEmail().equals(email)).hasSize(1);
    }

    /**
     * Issue #22: the fingerprint encoded a lone surrogate as '?', so with one key, names "\ud800", "?" and "\udfff"
     * replayed one 201. Such a body is now refused while it is read, before any key is claimed.
     */
    @Test
    void bodies_that_differ_only_in_a_lone_surrogate_cannot_replay_each_other() {
        String key = UUID.randomUUID().toString();
        String email = TestUsers.uniqueEmail("surrogate-key");
        String template = "{\"email\": \"%s\", \"name\": \"%s\"}";
        assertThat(signUp(key, template.formatted(email, "\\ud800"))).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(signUp(key, template.formatted(email, "?"))).hasStatus(HttpStatus.CREATED)
                .doesNotContainHeader("Idempotent-Replayed");
        assertThat(signUp(key, template.formatted(email, "\\udfff"))).hasStatus(HttpStatus.BAD_REQUEST)
                .doesNotContainHeader("Idempotent-Replayed");
        assertThat(repository.findByEmail(email)).get().extracting(User::getName).isEqualTo("?");
    }

    @Test
    void the_same_key_for_a_different_request_returns_422() {
        String key = UUID.randomUUID().toString(); // a bare value works too
        assertThat(signUp(key, body(TestUsers.uniqueEmail("first")))).hasStatus(HttpStatus.CREATED);
        String other = TestUsers.uniqueEmail("second");
        assertProblem(signUp(key, body(other)), HttpStatus.UNPROCESSABLE_CONTENT,
                "This Idempotency-Key was used for a different request; use a new key");
        assertThat(repository.findByEmail(other)).isEmpty();
    }

    @Test
    void a_refused_request_keeps_no_key_so_the_corrected_one_can_use_it() {
        String key = UUID.randomUUID().toString();
        assertThat(signUp(key, "{\"email\": \"not-an-email\"}")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(signUp(key, body(TestUsers.uniqueEmail("corrected")))).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void keys_are_scoped_so_another_caller_never_gets_someone_elses_answer() {
        // The admin creates an account with a key; an anonymous client with the same key and body is a new request
        // in its own scope: it is processed (and conflicts with the account the admin made), not answered from the
        // admin's stored response.
        String key = UUID.randomUUID().toString();
        String email = TestUsers.uniqueEmail("scoped");
        assertThat(mvc.post().uri("/api/users").header(HttpHeaders.AUTHORIZATION, users.admin()).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body(email))).hasStatus(HttpStatus.CREATED);
        assertProblem(signUp(key, body(email)), HttpStatus.CONFLICT, "A user with this email already exists")
                .doesNotContainHeader("Idempotent-Replayed");
    }

    @ParameterizedTest(name = "Idempotency-Key: [{0}]")
    @ValueSource(strings = {"", "\"\"", "has space", "quote\"inside", "\"unterminated",
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678x"})
    void a_key_that_is_not_a_valid_value_returns_400_naming_the_header(String key) {
        String email = TestUsers.uniqueEmail("badkey");
        MvcTestResult result = signUp(key, body(email));
        assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: Idempotency-Key");
        assertErrors(result, Map.of("Idempotency-Key", "Must be 1 to 128 visible ASCII characters, optionally in double quotes"));
        assertThat(repository.findByEmail(email)).isEmpty();
    }
}
