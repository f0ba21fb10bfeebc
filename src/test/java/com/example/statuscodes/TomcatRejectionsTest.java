package com.example.statuscodes;

import com.example.statuscodes.support.RawHttp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static com.example.statuscodes.support.RawHttp.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat decides before any filter or servlet runs, over a bare socket (no client library would send these
 * requests): the codes Tomcat chose are kept, every one comes with a problem+json body
 * ({@code machinery.tomcat.ContainerErrorPages}), and a 413 does not keep the connection (and its worker) waiting for a
 * body that will never be read ({@code machinery.tomcat.AbortedUploads}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DisplayName("Tomcat's own answers, over raw sockets")
class TomcatRejectionsTest {

    /** Long enough for a loaded CI machine; the connection timeout these tests guard against is 60 s. */
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private RawHttp.Response send(byte[] request) throws IOException {
        return RawHttp.exchange(port, request, TIMEOUT_MILLIS);
    }

    /** Status line, Content-Type and the problem's members; no error id: what Tomcat refused is not our bug. */
    private static void assertContainerProblem(RawHttp.Response response, int status, String title) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("Content-Type of %s", response).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isEqualTo(title);
        assertThat(problem.get("detail").asString()).isEqualTo("Rejected by the web server: " + title);
        assertThat(problem.has("errorId")).as("an error id (a 500 in disguise) in %s", response).isFalse();
        assertThat(response.header("X-Request-Id")).as("X-Request-Id of %s", response).isNotBlank()
                .isEqualTo(problem.get("requestId").asString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HTTP/1.2", "HTTP/2.0", "HTTP/3"})
    void unsupported_http_version_keeps_tomcats_505_as_a_problem(String version) throws Exception {
        RawHttp.Response response = send(bytes("GET /api/me " + version + "\r\nHost: localhost\r\n\r\n"));
        assertContainerProblem(response, 505, "HTTP Version not supported");
        assertThat(JSON.readTree(response.body()).get("instance").asString()).isEqualTo("/api/me");
    }

    @Test
    void a_rejection_carries_the_clients_request_id_in_the_header_and_the_body() throws Exception {
        RawHttp.Response response = send(bytes("CONNECT /api/me HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: tomcat-501\r\n\r\n"));
        assertContainerProblem(response, 501, "Not Implemented");
        assertThat(response.header("X-Request-Id")).isEqualTo("tomcat-501");
    }

    @ParameterizedTest(name = "Transfer-Encoding: {0}")
    @ValueSource(strings = {"gzip, chunked", "compress, chunked", "x-unknown", "br"})
    void unknown_transfer_coding_keeps_tomcats_501_as_a_problem(String codings) throws Exception {
        RawHttp.Response response = send(bytes("POST /api/users HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: " + codings + "\r\n\r\n0\r\n\r\n"));
        assertContainerProblem(response, 501, "Not Implemented");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /api/users?q={x} HTTP/1.1", "GET /api/users/a|b HTTP/1.1", "GET /api/users/a\\b HTTP/1.1",
            "GET /api/users?q=a|b HTTP/1.1", "GET /api/users/{1} HTTP/1.1", "G@T /api/users HTTP/1.1",
            "GET /api/users/1 HTTP/1.1 extra", "GET api/users HTTP/1.1"})
    void request_line_rejected_by_tomcat_is_a_400_problem(String requestLine) throws Exception {
        RawHttp.Response response = send(bytes(requestLine + "\r\nHost: localhost\r\n\r\n"));
        assertContainerProblem(response, 400, "Bad Request");
    }

    @Test
    void raw_utf8_bytes_in_the_path_are_a_400_problem() throws Exception {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(bytes("GET /api/users/"));
        request.writeBytes("é💩".getBytes(StandardCharsets.UTF_8));
        request.writeBytes(bytes(" HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        assertContainerProblem(send(request.toByteArray()), 400, "Bad Request");
    }

    /** RFC 9112 §3: a request-target longer than the server parses MUST be a 414, with the connection closed. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /api/users?q=%s", "DELETE /api/users/%s", "GET /%s"})
    void a_request_target_over_the_head_size_limit_is_a_414_problem(String line) throws Exception {
        RawHttp.Response response = send(bytes(line.formatted("a".repeat(10_240)) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        assertContainerProblem(response, 414, "URI Too Long");
        assertThat(response.header("Connection")).isEqualTo("close");
        assertThat(JSON.readTree(response.body()).has("instance")).as("no URI was parsed").isFalse();
    }

    /** Only a method was read before the limit: no target to call too long, so Tomcat's 400 stays. */
    @Test
    void a_method_over_the_head_size_limit_stays_a_400_problem() throws Exception {
        RawHttp.Response response = send(bytes("G".repeat(10_240) + " /api/users HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        assertContainerProblem(response, 400, "Bad Request");
    }

    /** RFC 6585 §5: header fields over {@code server.max-http-request-header-size} (8 KB) are a 431, not a 400. */
    @Test
    void a_header_over_the_size_limit_is_a_431_problem() throws Exception {
        RawHttp.Response response = send(bytes("GET /api/users HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(10_240) + "\r\n\r\n"));
        assertContainerProblem(response, 431, "Request Header Fields Too Large");
        assertThat(JSON.readTree(response.body()).get("instance").asString()).isEqualTo("/api/users");
    }

    /** More header fields than Tomcat's {@code maxHeaderCount} (100): 431 as well. */
    @Test
    void more_header_fields_than_the_limit_is_a_431_problem() throws Exception {
        StringBuilder headers = new StringBuilder();
        for (int field = 0; field < 101; field++) {
            headers.append("X-Field-").append(field).append(": v\r\n");
        }
        RawHttp.Response response = send(bytes("GET /api/users HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n"));
        assertContainerProblem(response, 431, "Request Header Fields Too Large");
    }

    /**
     * Tomcat closes the connection after a head it refused, and says so: it adds {@code Connection: close} only for
     * the codes it knows drop the connection (400), not for the 431 that {@code ContainerErrorPages} makes of it, nor
     * for its 417 (RFC 9112 §9.6). Found by {@code RawSocketFuzzTest}, whose requests keep their connections.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X-Big: 10240", "101 fields", "Expect: 200-ok"})
    void a_refused_head_announces_the_close_that_follows(String kind) throws Exception {
        StringBuilder head = new StringBuilder("POST /api/users HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n");
        switch (kind) {
            case "X-Big: 10240" -> head.append("X-Big: ").append("a".repeat(10_240)).append("\r\n");
            case "101 fields" -> {
                for (int field = 0; field < 101; field++) {
                    head.append("X-Field-").append(field).append(": v\r\n");
                }
            }
            default -> head.append("Expect: 200-ok\r\n");
        }
        RawHttp.Response response = send(bytes(head + "Content-Length: 2\r\n\r\n{}"));
        assertContainerProblem(response, kind.startsWith("Expect") ? 417 : 431,
                kind.startsWith("Expect") ? "Expectation Failed" : "Request Header Fields Too Large");
        assertThat(response.header("Connection")).as("Connection of %s", response).isEqualTo("close");
        assertThat(response.closed()).as("closed after %s", response).isTrue();
    }

    /**
     * Since Servlet 6.1 a query the container cannot decode makes {@code getParameter*} throw (Tomcat's
     * {@code InvalidParameterException}): the advice answered it as an unexpected 500. Now the operation that reads
     * parameters refuses it with a 400 ({@code parameters.SingleValuedParameters}). Found by {@code RawSocketFuzzTest}.
     */
    @ParameterizedTest(name = "GET /api/users?{0} → 400")
    @ValueSource(strings = {"sort=%zz", "sort=%", "sort=%FF", "page=1&x=%%"})
    void a_query_the_container_cannot_decode_is_a_400_problem_not_a_500(String query) throws Exception {
        String login = "{\"email\":\"alice@example.com\",\"password\":\"alice-password\"}";
        String token = send(bytes("POST /api/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + login.length() + "\r\nConnection: close\r\n\r\n" + login))
                .bodyText().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        RawHttp.Response response = send(bytes("GET /api/users?" + query + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\nX-Request-Id: malformed-query\r\nConnection: close\r\n\r\n"));
        assertThat(response.status()).as("status of %s", response).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.bodyText()).isEqualTo("{\"detail\":\"The query string is not valid percent-encoded UTF-8\","
                + "\"instance\":\"/api/users\",\"status\":400,\"title\":\"Bad Request\",\"type\":\"about:blank\","
                + "\"requestId\":\"malformed-query\"}");
    }

    @Test
    void binary_garbage_is_a_400_problem() throws Exception {
        byte[] garbage = new byte[512];
        new java.util.Random(12).nextBytes(garbage);
        garbage[0] = 0x16; // what a TLS ClientHello to a plain-HTTP port starts with
        RawHttp.Response response = send(garbage);
        assertContainerProblem(response, 400, "Bad Request");
    }

    /** Tomcat passes any method token on; the application answers one it does not know with 501, like CONNECT. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"QUERY", "BREW", "get"})
    void a_method_the_server_does_not_know_is_a_501_problem_over_a_real_socket(String method) throws Exception {
        RawHttp.Response response = send(bytes(method + " /api/users/1 HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        assertThat(response.status()).as("status of %s", response).isEqualTo(501);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString())
                .isEqualTo("Method '" + method + "' is not implemented by this server");
    }

    @Test
    void connect_keeps_tomcats_501_as_a_problem() throws Exception {
        assertContainerProblem(send(bytes("CONNECT /api/me HTTP/1.1\r\nHost: localhost\r\n\r\n")), 501, "Not Implemented");
    }

    @Test
    void connect_with_a_malformed_header_is_still_tomcats_501_not_an_unexpected_500() throws Exception {
        // Tomcat records the header's parse error as the request's exception; it is not an error of ours.
        assertContainerProblem(send(bytes("CONNECT /api/me HTTP/1.1\r\nHost: localhost\r\nX-Bad : value\r\n\r\n")),
                501, "Not Implemented");
    }

    @Test
    void malformed_options_star_is_the_one_400_without_a_body_because_tomcat_answers_it_before_any_valve() throws Exception {
        // Pins the limit documented in ContainerErrorPages: CoyoteAdapter answers OPTIONS * itself.
        RawHttp.Response response = send(bytes("OPTIONS * HTTP/1.1\r\nHost: localhost\r\nNoColon\r\n\r\n"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Length")).isEqualTo("0");
        assertThat(response.header("Content-Type")).isNull();
    }

    @ParameterizedTest(name = "Content-Length: {0}")
    @ValueSource(longs = {2_000_000L, Long.MAX_VALUE})
    void declared_body_over_the_limit_is_a_413_and_the_connection_closes_at_once(long contentLength) throws Exception {
        // Headers only: the body the client announced never comes. Before the fix Tomcat kept reading ("swallowing")
        // it for up to the 60 s connection timeout, holding a worker thread; here the read below would time out.
        RawHttp.Response response = send(bytes("POST /api/users HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n"));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.header("Connection")).isEqualTo("close");
        assertThat(response.bodyText()).contains("Request body is larger than the limit of 1048576 bytes");
        assertThat(response.closed()).as("the server closed the connection within %d ms", TIMEOUT_MILLIS).isTrue();
    }

    /**
     * Request smuggling needs two readers to disagree about where a request ends. A request that names its length
     * twice is refused; with both {@code Content-Length} and {@code Transfer-Encoding: chunked}, Tomcat reads the
     * chunks (RFC 9112, section 6.1), answers, and closes the connection, so bytes hidden after the body are never
     * read as a request of their own.
     */
    @Test
    void two_content_lengths_return_400_and_create_nothing() throws Exception {
        String body = "{\"email\": \"two-lengths@example.com\"}";
        RawHttp.Response response = send(bytes("POST /api/users HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nContent-Length: 5\r\n\r\n" + body));
        assertContainerProblem(response, 400, "Bad Request");
        assertThat(response.closed()).as("connection closed after %s", response).isTrue();
    }

    @Test
    void content_length_with_chunked_is_read_as_chunks_and_the_connection_closed_so_nothing_is_smuggled() throws Exception {
        String body = "{\"email\": \"chunks-win-" + System.nanoTime() + "@example.com\"}";
        String hidden = "GET /api/me HTTP/1.1\r\nHost: localhost\r\n\r\n";
        RawHttp.Response response = send(bytes("POST /api/users HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n" + hidden));
        assertThat(response.status()).as("status of %s", response).isEqualTo(201);
        assertThat(response.header("Connection")).isEqualTo("close");
        assertThat(response.closed()).as("connection closed after %s, the hidden request unread", response).isTrue();
    }

    /** RFC 9110, section 10.1.1: a server that will refuse the body answers the final status instead of 100 Continue. */
    @Test
    void expect_100_continue_with_a_body_over_the_limit_is_a_413_without_a_100_first() throws Exception {
        RawHttp.Response response = send(bytes("POST /api/users HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2000000\r\n\r\n"));
        assertThat(response.statusLine()).startsWith("HTTP/1.1 413");
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.closed()).as("the server closed the connection within %d ms", TIMEOUT_MILLIS).isTrue();
    }
}
