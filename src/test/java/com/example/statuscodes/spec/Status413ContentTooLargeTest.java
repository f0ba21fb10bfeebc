package com.example.statuscodes.spec;

import com.example.statuscodes.errors.RequestId;
import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beyond the guide: 413 Content Too Large for a body over {@code app.max-request-body-size} (1 MiB), decided from
 * the declared length before the security chain or a parser runs ({@code requestbody.RequestBodySizeFilter}). That
 * Tomcat then closes the connection without reading the rest, and the chunked case: {@code RealServerTest} and
 * {@code TomcatRejectionsTest}.
 */
@ApiTest
@DisplayName("413 Content Too Large: the body is over the limit")
class Status413ContentTooLargeTest {

    private static final String DETAIL = "Request body is larger than the limit of 1048576 bytes";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;

    /** The whole answer, as a client sees it: a fixed X-Request-Id makes every member known. */
    @Test
    void post_over_one_mebibyte_returns_413_with_exactly_this_body() {
        assertThat(mvc.post().uri("/api/users").header(RequestId.HEADER, "example-413")
                .contentType(MediaType.APPLICATION_JSON).content(new byte[1024 * 1024 + 1]))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(RequestId.HEADER, "example-413")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Content Too Large", "status": 413,
                         "detail": "Request body is larger than the limit of 1048576 bytes", "instance": "/api/users",
                         "requestId": "example-413"}
                        """);
    }

    @Test
    void body_over_one_mebibyte_returns_413() {
        byte[] body = new byte[1024 * 1024 + 1];
        assertProblem(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).content(body).exchange(),
                HttpStatus.CONTENT_TOO_LARGE, DETAIL);
    }

    @ParameterizedTest(name = "{0} {1} with a body over 1 MiB → 413")
    @CsvSource(delimiter = '|', textBlock = EveryOperationTest.BODY_OPERATIONS)
    void body_operation_over_one_mebibyte_returns_413(String method, String path, String mediaType, String caller) {
        MockMvcTester.MockMvcRequestBuilder request = mvc.method(HttpMethod.valueOf(method)).uri(path);
        String authorization = users.authorization(caller);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        MvcTestResult result = request.contentType(mediaType).content(new byte[1024 * 1024 + 1]).exchange();
        assertProblem(result, HttpStatus.CONTENT_TOO_LARGE, DETAIL);
    }

    @Test
    void a_body_of_exactly_one_mebibyte_is_read() {
        // The limit itself is allowed: what comes back is the parser's verdict on the bytes, not a 413.
        assertProblem(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                        .content(new byte[1024 * 1024]).exchange(),
                HttpStatus.BAD_REQUEST, "Request body is not valid JSON");
    }
}
