package com.example.statuscodes.spec;

import ch.qos.logback.classic.Level;
import com.example.statuscodes.errors.Problems;
import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.LogCapture;
import com.example.statuscodes.support.TestUsers;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.util.Arrays;

import static com.example.statuscodes.errors.ProblemType.SERVER_ERROR;
import static com.example.statuscodes.support.Problem.assertProblem;
import static com.example.statuscodes.support.RequestIds.UUID;
import static com.example.statuscodes.support.RequestIds.assertProblemCarriesRequestId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One id per request: every answer carries {@code X-Request-Id} (the client's, when it is safe, otherwise a new
 * UUID), every problem carries it as {@code requestId}, every log line of the request has it, and a 500's
 * {@code errorId} is that same id. The 429 from the limiter: {@code Status429TooManyRequestsTest}. The log lines
 * are captured as the console would print them ({@link LogCapture}); the test profile keeps the access log quiet.
 */
@ApiTest
@DisplayName("X-Request-Id: one id per request, in the answer, the problem and the log")
class RequestIdTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;

    @Nested
    @DisplayName("the header")
    class Header {

        @Test
        void a_safe_incoming_request_id_is_kept() {
            assertThat(mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header("X-Request-Id", "client-42.retry_1"))
                    .hasStatusOk()
                    .hasHeader("X-Request-Id", "client-42.retry_1");
        }

        @Test
        void without_one_a_uuid_is_generated_and_each_request_gets_its_own() {
            String first = mvc.get().uri("/actuator/health").exchange().getResponse().getHeader("X-Request-Id");
            String second = mvc.get().uri("/actuator/health").exchange().getResponse().getHeader("X-Request-Id");
            assertThat(first).matches(UUID);
            assertThat(second).matches(UUID).isNotEqualTo(first);
        }

        @ParameterizedTest(name = "\"{0}\" is replaced")
        @ValueSource(strings = {"", "has space", "<script>", "semi;colon", "ümlaut",
                "x12345678901234567890123456789012345678901234567890123456789012345"})
        void an_unsafe_or_longer_than_64_characters_id_is_replaced_by_a_uuid(String unsafe) {
            assertThat(mvc.get().uri("/actuator/health").header("X-Request-Id", unsafe).exchange()
                    .getResponse().getHeader("X-Request-Id")).matches(UUID);
        }

        /**
         * Two ids on two lines are one list (RFC 9110 §5.3), not one id: neither is kept, and the request goes on with a
         * fresh one. The id is for the logs, so it is not worth a refusal; taking the first would let the logs and a
         * proxy that kept the last tell two stories.
         */
        @Test
        void an_id_sent_twice_is_replaced_by_a_uuid() {
            assertThat(mvc.get().uri("/actuator/health").header("X-Request-Id", "first-id", "second-id").exchange()
                    .getResponse().getHeader("X-Request-Id")).matches(UUID);
        }

        @Test
        void sixty_four_safe_characters_are_kept() {
            String longest = "a".repeat(64);
            assertThat(mvc.get().uri("/actuator/health").header("X-Request-Id", longest))
                    .hasHeader("X-Request-Id", longest);
        }
    }

    @Nested
    @DisplayName("in every problem, whichever layer answered")
    class InTheProblem {

        @Test
        void invalid_json_400_carries_the_request_id() {
            MvcTestResult result = mvc.post().uri("/api/users").header("X-Request-Id", "req-400")
                    .contentType(MediaType.APPLICATION_JSON).content("{invalid json}").exchange();
            assertProblem(result, HttpStatus.BAD_REQUEST, "Request body is not valid JSON");
            assertThat(assertProblemCarriesRequestId(result)).isEqualTo("req-400");
        }

        @Test
        void a_401_from_the_security_chain_carries_the_request_id() {
            MvcTestResult result = mvc.get().uri("/api/me").header("X-Request-Id", "req-401").exchange();
            assertProblem(result, HttpStatus.UNAUTHORIZED, "Authentication required");
            assertThat(assertProblemCarriesRequestId(result)).isEqualTo("req-401");
        }

        @Test
        void an_invalid_token_401_carries_a_generated_request_id() {
            MvcTestResult result = mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")
                    .exchange();
            assertProblem(result, HttpStatus.UNAUTHORIZED, "The access token is invalid or expired");
            assertThat(assertProblemCarriesRequestId(result)).matches(UUID);
        }

        @Test
        void a_413_from_the_body_size_guard_carries_the_request_id() {
            byte[] body = new byte[1024 * 1024 + 1];
            Arrays.fill(body, (byte) ' ');
            MvcTestResult result = mvc.post().uri("/api/users").header("X-Request-Id", "req-413")
                    .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
            assertProblem(result, HttpStatus.CONTENT_TOO_LARGE, "Request body is larger than the limit of 1048576 bytes");
            assertThat(assertProblemCarriesRequestId(result)).isEqualTo("req-413");
        }

        @Test
        void a_500s_error_id_is_the_request_id_and_its_log_lines_carry_it() throws Exception {
            MvcTestResult result;
            LogCapture log = LogCapture.of(Problems.class).start();
            try (log) {
                result = mvc.get().uri("/api/demo/server-error").header("X-Request-Id", "req-500")
                        .header(HttpHeaders.AUTHORIZATION, users.alice()).exchange();
            }
            assertProblem(result, SERVER_ERROR, HttpStatus.INTERNAL_SERVER_ERROR,
                    "An unexpected error occurred. Report error id req-500 if it persists.");
            assertThat(assertProblemCarriesRequestId(result)).isEqualTo("req-500");
            assertThat((String) JsonPath.read(result.getResponse().getContentAsString(), "$.errorId"))
                    .isEqualTo("req-500");
            assertThat(log.linesContaining("Unexpected error req-500")).singleElement().asString().contains("[req-500]");
        }
    }

    @Nested
    @DisplayName("the access log")
    class AccessLog {

        /** The access log as production writes it (logger {@code access} at INFO), and the bug's line before it. */
        @RegisterExtension
        LogCapture log = LogCapture.of(Problems.class).and("access", Level.INFO);

        @Test
        void one_line_per_request_with_method_path_status_duration_and_id() {
            mvc.get().uri("/api/users/1").header("X-Request-Id", "req-access-log").exchange();
            assertThat(log.linesContaining("[req-access-log]"))
                    .singleElement().asString()
                    .containsPattern(" access +: GET /api/users/1 401 \\d+ ms$");
        }

        @Test
        void a_500_is_logged_as_a_500_after_its_error_line() {
            mvc.get().uri("/api/demo/server-error").header("X-Request-Id", "req-access-500")
                    .header(HttpHeaders.AUTHORIZATION, users.alice()).exchange();
            assertThat(log.linesContaining("[req-access-500]"))
                    .hasSize(2)
                    .satisfiesExactly(
                            error -> assertThat(error).contains("Unexpected error req-access-500"),
                            access -> assertThat(access).containsPattern(" access +: GET /api/demo/server-error 500 \\d+ ms$"));
        }
    }
}
