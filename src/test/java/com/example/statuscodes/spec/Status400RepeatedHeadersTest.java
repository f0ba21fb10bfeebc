package com.example.statuscodes.spec;

import com.example.statuscodes.support.RawHttp;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.support.Tokens;
import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

import static com.example.statuscodes.support.RawHttp.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #22: a header that takes one value, sent on two lines, over a real socket (MockMvc keeps one
 * {@code Content-Type}). RFC 9110 §5.3: two lines mean the one comma-joined line, which is no value of these headers;
 * the servlet API's {@code getHeader} read the first line, so the order of the lines decided between a 201 and a 415.
 * Now either order is a 400 naming the header, before the security chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Tokens.class, TestUsers.class})
@DisplayName("400 Bad Request: a single-valued header sent on two lines")
class Status400RepeatedHeadersTest {

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    UserRepository repository;

    private RawHttp.Response post(String headers, String email) throws Exception {
        String body = "{\"email\": \"" + email + "\"}";
        return RawHttp.exchange(port, bytes("POST /api/users HTTP/1.1\r\nHost: localhost\r\n" + headers
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body), TIMEOUT_MILLIS);
    }

    @Test
    void a_content_type_sent_twice_returns_400_with_exactly_this_body_and_creates_nothing() throws Exception {
        RawHttp.Response response = post("Content-Type: application/json\r\nContent-Type: text/plain\r\n"
                + "X-Request-Id: example-400-content-type-twice\r\n", "two-types@example.com");
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                {"type": "/problems/validation", "title": "Bad Request", "status": 400,
                 "detail": "Invalid request parameter: Content-Type", "instance": "/api/users",
                 "errors": {"Content-Type": "Sent more than once"}, "requestId": "example-400-content-type-twice"}
                """));
        assertThat(repository.findByEmail("two-types@example.com")).isEmpty();
    }

    /** Whichever line comes first, and even when both lines agree: one answer, not the first line's. */
    @ParameterizedTest(name = "Content-Type: {0}, then {1} → 400")
    @CsvSource(delimiter = '|', value = {"text/plain | application/json", "application/json | application/json",
            "application/json | application/merge-patch+json"})
    void a_content_type_sent_twice_returns_400_in_either_order(String first, String second) throws Exception {
        RawHttp.Response response = post("Content-Type: " + first + "\r\nContent-Type: " + second + "\r\n",
                "two-types-either@example.com");
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(response.body()).at("/detail").asString()).isEqualTo("Invalid request parameter: Content-Type");
        assertThat(JSON.readTree(response.body()).at("/errors/Content-Type").asString()).isEqualTo("Sent more than once");
        assertThat(repository.findByEmail("two-types-either@example.com")).isEmpty();
    }

    /** The one line with two types was already a 415; it stays one (it is one header line, read one way). */
    @Test
    void a_content_type_line_with_two_types_stays_415() throws Exception {
        RawHttp.Response response = post("Content-Type: application/json, text/plain\r\n", "two-types-one-line@example.com");
        assertThat(response.status()).as("%s", response).isEqualTo(415);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.header("Accept")).isEqualTo("application/json");
        assertThat(repository.findByEmail("two-types-one-line@example.com")).isEmpty();
    }

    /** Two Authorization lines were already the bearer resolver's 400 invalid_request, which counts lines the same way. */
    @Test
    void two_authorization_lines_stay_400_invalid_request() throws Exception {
        RawHttp.Response response = RawHttp.exchange(port, bytes("GET /api/me HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + users.alice() + "\r\nAuthorization: " + users.admin() + "\r\nConnection: close\r\n\r\n"),
                TIMEOUT_MILLIS);
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_request\"");
    }
}
