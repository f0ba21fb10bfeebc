package com.example.statuscodes.spec;

import com.example.statuscodes.errors.Problems;
import com.example.statuscodes.errors.RequestId;
import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.LogCapture;
import com.example.statuscodes.support.TestUsers;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.example.statuscodes.errors.ProblemType.SERVER_ERROR;
import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's 500: log the details server-side, don't expose them to the client. Every 500 here is provoked on
 * purpose, so its log line is captured ({@link LogCapture}) and asserted instead of printed into the build; a 500
 * that no test expects still prints its stack trace.
 */
@ApiTest
@DisplayName("500 Internal Server Error: we broke")
class Status500InternalServerErrorTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;

    @RegisterExtension
    LogCapture log = LogCapture.of(Problems.class);

    /** The whole answer, byte for byte as a client sees it: a fixed X-Request-Id makes the error id known. */
    @Test
    void get_demo_server_error_returns_500_with_exactly_this_body() {
        assertThat(mvc.get().uri("/api/demo/server-error").header(HttpHeaders.AUTHORIZATION, users.alice())
                .header(RequestId.HEADER, "example-500"))
                .hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(RequestId.HEADER, "example-500")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "/problems/server-error", "title": "Internal Server Error", "status": 500,
                         "detail": "An unexpected error occurred. Report error id example-500 if it persists.",
                         "instance": "/api/demo/server-error", "errorId": "example-500", "requestId": "example-500"}
                        """);
    }

    @Test
    void unexpected_exception_returns_500_with_generic_detail_and_error_id() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/demo/server-error")
                .header(HttpHeaders.AUTHORIZATION, users.alice()).exchange();
        String errorId = JsonPath.read(result.getResponse().getContentAsString(), "$.errorId");

        assertProblem(result, SERVER_ERROR, HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Report error id " + errorId + " if it persists.");
        assertThat(errorId).matches("[0-9a-f-]{36}");
        assertThat(result.getResponse().getContentAsString())
                .doesNotContain("NullPointerException", "Exception", "at com.", "ServerErrorDemoController");
        assertThat(log.lines()).singleElement().asString().contains("Unexpected error " + errorId)
                .contains("NullPointerException");
    }

    /**
     * What production prints for a bug: one ERROR line under the error id, then the stack trace down to the faulty
     * line, rendered by the console's own encoder at the levels the application configures (the capture changes
     * neither), so a configuration that dropped the trace or the line would fail here.
     */
    @Test
    void a_500_is_logged_once_at_error_level_with_its_stack_trace() {
        mvc.get().uri("/api/demo/server-error").header(HttpHeaders.AUTHORIZATION, users.alice())
                .header(RequestId.HEADER, "logged-500").exchange();

        assertThat(log.events()).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
        });
        assertThat(log.lines()).singleElement().asString()
                .contains(" ERROR ", "[logged-500] ", "Unexpected error logged-500 on GET /api/demo/server-error")
                .contains("java.lang.NullPointerException: Cannot invoke \"java.lang.Integer.intValue()\"")
                .containsPattern("\tat com\\.example\\.statuscodes\\.demo\\.ServerErrorDemoController\\.serverError"
                        + "\\(ServerErrorDemoController\\.java:\\d+\\)");
    }

    /**
     * An exception that escaped a filter reaches the API as Tomcat's ERROR dispatch to {@code /error}; it is a bug
     * like any other: logged once, with its stack trace, under the error id, for the request it happened to.
     */
    @Test
    void container_500_forwarded_to_the_error_path_logs_its_exception_under_the_error_id() {
        MvcTestResult result = mvc.get().uri("/error").header(RequestId.HEADER, "forwarded-500")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("escaped a filter"))
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/users").exchange();

        assertProblem(result, SERVER_ERROR, HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Report error id forwarded-500 if it persists.", "/api/users")
                .bodyJson().extractingPath("$.errorId").isEqualTo("forwarded-500");
        assertThat(log.lines()).singleElement().asString().contains("Unexpected error forwarded-500 on /api/users")
                .contains("java.lang.IllegalStateException: escaped a filter");
    }

    /** A status that is no error (a container that forwards a 200 or a made-up code) is still a bug: 500. */
    @ParameterizedTest(name = "forwarded status {0} → 500")
    @ValueSource(ints = {200, 302, 999})
    void a_forwarded_status_that_is_no_error_returns_500(int forwarded) {
        assertProblem(mvc.get().uri("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, forwarded)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/users").exchange(),
                SERVER_ERROR, HttpStatus.INTERNAL_SERVER_ERROR, null, "/api/users");
        assertThat(log.lines()).singleElement().asString().contains("Unexpected error ").contains(" on /api/users");
    }

    /**
     * The duplicate e-mail is the one integrity violation the API answers with 409: any other (here a CHECK constraint
     * the test adds for the length of one request) is a bug, so a 500 whose error id is the request's id, never a 409
     * that would tell the client to change its e-mail.
     */
    @Test
    void another_database_constraint_violation_returns_500_with_the_request_id_not_409() throws Exception {
        jdbc.execute("alter table users add constraint ck_users_name_for_test check (name <> 'Refused by the database')");
        try {
            MvcTestResult result = mvc.post().uri("/api/users").header(RequestId.HEADER, "db-check-violation")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\", \"name\": \"Refused by the database\"}"
                            .formatted(TestUsers.uniqueEmail("db-check"))).exchange();

            assertProblem(result, SERVER_ERROR, HttpStatus.INTERNAL_SERVER_ERROR,
                    "An unexpected error occurred. Report error id db-check-violation if it persists.")
                    .hasHeader(RequestId.HEADER, "db-check-violation")
                    .bodyJson().extractingPath("$.errorId").isEqualTo("db-check-violation");
            assertThat(result.getResponse().getContentAsString()).doesNotContainIgnoringCase("constraint");
            assertThat(log.lines()).singleElement().asString()
                    .contains("Unexpected error db-check-violation on POST /api/users")
                    .contains("DataIntegrityViolationException");
        } finally {
            jdbc.execute("alter table users drop constraint ck_users_name_for_test");
        }
    }
}
