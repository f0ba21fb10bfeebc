package com.example.statuscodes.spec;

import com.example.statuscodes.support.RawHttp;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.support.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.example.statuscodes.support.RawHttp.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two methods every resource answers beyond its own, over real sockets: MockMvc calls its own servlet and skips
 * Tomcat, whose TRACE handling is the point here (MockMvc's servlet echoes a TRACE as {@code message/http}).
 * <ul>
 *   <li>{@code HEAD} wherever {@code GET} works, with GET's status and headers and no body (RFC 9110 §9.3.2), also
 *       where a filter answers the GET itself (the RFC 9728 metadata) or the actuator does.</li>
 *   <li>{@code TRACE} is a known method that no resource allows: each resource's own 405, with its own {@code Allow}
 *       (RFC 9110 §15.5.6), never Tomcat's fixed list, and never an echo of the request (Cross-Site Tracing would
 *       read the {@code Authorization} and {@code Cookie} headers back).</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Tokens.class, TestUsers.class})
@DisplayName("HEAD like GET, TRACE like any method a resource does not allow")
class HeadAndTraceTest {

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;

    @Test
    void trace_on_a_user_returns_405_with_the_users_own_allow_and_exactly_this_body() throws Exception {
        RawHttp.Response response = RawHttp.exchange(port, bytes("TRACE /api/users/1 HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + users.alice() + "\r\nX-Request-Id: example-trace\r\nConnection: close\r\n\r\n"),
                TIMEOUT_MILLIS);
        assertThat(response.status()).as("%s", response).isEqualTo(405);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD, PATCH, PUT, DELETE, OPTIONS");
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                {"type": "about:blank", "title": "Method Not Allowed", "status": 405,
                 "detail": "Method 'TRACE' is not supported.", "instance": "/api/users/1",
                 "requestId": "example-trace"}
                """));
    }

    /**
     * RFC 5789 §3.1: {@code Accept-Patch} names at least one media type, so only a resource that takes PATCH sends it
     * on OPTIONS (Spring's answer sent it empty on every other one). Over a socket: what Tomcat writes, not the mock.
     */
    @ParameterizedTest(name = "OPTIONS {0} → Accept-Patch: {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/users/1        | application/merge-patch+json",
            "/api/users          | ",
            "/api/admin/settings | ",
            "/api/auth/token     | "})
    void options_sends_accept_patch_only_where_patch_is_allowed(String path, String acceptPatch) throws Exception {
        RawHttp.Response response = RawHttp.exchange(port, bytes("OPTIONS " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + users.admin() + "\r\nConnection: close\r\n\r\n"), TIMEOUT_MILLIS);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.header("Accept-Patch")).as("Accept-Patch of %s", response).isEqualTo(acceptPatch);
    }

    @Test
    void trace_never_echoes_the_request_headers() throws Exception {
        String token = users.alice();
        for (String path : List.of("/api/users/1", "/api/users", "/api/admin/settings", "/error", "/nowhere")) {
            RawHttp.Response response = RawHttp.exchange(port, bytes("TRACE " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + token + "\r\nCookie: session=secret-cookie\r\nConnection: close\r\n\r\n"),
                    TIMEOUT_MILLIS);
            assertThat(response.header("Content-Type")).as("%s", response).isEqualTo("application/problem+json");
            assertThat(response.header("Content-Type")).as("%s", response).doesNotContain("message/http");
            assertThat(response.bodyText()).as("TRACE %s", path)
                    .doesNotContain(token.substring("Bearer ".length())).doesNotContain("secret-cookie");
        }
    }

    /**
     * "Refusals are cheap": a TRACE that announces a body it never sends gets its 405 at once, and the connection closes
     * ({@code machinery.tomcat.RefusedUnreadBodies}). Under the 1 MiB limit: over it, the body-size guard's 413 comes first.
     */
    @Test
    void trace_with_an_announced_body_is_answered_at_once_and_the_connection_closed() throws Exception {
        RawHttp.Response response = RawHttp.exchange(port, bytes("TRACE /api/users/1 HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + users.alice() + "\r\nContent-Length: 1000000\r\n\r\n"), TIMEOUT_MILLIS);
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD, PATCH, PUT, DELETE, OPTIONS");
        assertThat(response.header("Connection")).isEqualTo("close");
        assertThat(response.closed()).as("the server closed the connection within %d ms", TIMEOUT_MILLIS).isTrue();
    }

    @Test
    void head_on_the_protected_resource_metadata_returns_200_with_gets_headers_and_no_body() throws Exception {
        Exchange get = exchange("GET", "/.well-known/oauth-protected-resource", null);
        Exchange head = exchange("HEAD", "/.well-known/oauth-protected-resource", null);
        assertThat(get.response().status()).isEqualTo(200);
        assertThat(head.response().status()).as("%s", head.response()).isEqualTo(200);
        assertThat(head.response().header("Content-Type")).isEqualTo(get.response().header("Content-Type"))
                .startsWith("application/json");
        assertThat(head.response().header("Content-Length")).isEqualTo(Integer.toString(get.response().body().length));
        assertThat(head.trailing()).as("bytes after the head of a HEAD").isZero();
    }

    /** A method that is not GET's stays refused: HEAD is allowed exactly where GET is. */
    @Test
    void head_where_get_is_not_allowed_is_a_405_without_a_body() throws Exception {
        Exchange head = exchange("HEAD", "/api/auth/token", users.alice());
        assertThat(head.response().status()).isEqualTo(405);
        assertThat(head.response().header("Allow")).isEqualTo("POST, OPTIONS");
        assertThat(head.trailing()).isZero();
    }

    /**
     * Every GET of the OpenAPI document, the metadata, the actuator's health and the API's own documents: HEAD answers
     * with GET's status, Content-Type, ETag and the length of GET's body, and sends no body.
     */
    @Test
    void head_on_every_get_endpoint_equals_get_without_the_body() throws Exception {
        String admin = users.admin();
        List<String> paths = new ArrayList<>(List.of("/.well-known/oauth-protected-resource", "/actuator/health",
                "/livez", "/readyz", "/v3/api-docs", "/problems/validation"));
        JsonNode document = JSON.readTree(exchange("GET", "/v3/api-docs", admin).response().body());
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            // The 500 demo logs a stack trace per call: its GET is specified by Status500InternalServerErrorTest.
            if (path.getValue().has("get") && !path.getKey().contains("server-error")) {
                paths.add(path.getKey().replace("{id}", Long.toString(users.adminId()))
                        .replace("{type}", "validation"));
            }
        }
        assertThat(paths).contains("/api/users", "/api/me", "/api/admin/settings");
        for (String path : paths) {
            Exchange get = exchange("GET", path, admin);
            Exchange head = exchange("HEAD", path, admin);
            assertThat(get.response().status()).as("GET %s: %s", path, get.response()).isLessThan(300);
            assertThat(head.response().status()).as("HEAD %s", path).isEqualTo(get.response().status());
            for (String header : List.of("Content-Type", "ETag")) {
                assertThat(head.response().header(header)).as("HEAD %s: %s", path, header)
                        .isEqualTo(get.response().header(header));
            }
            assertThat(head.response().header("Content-Length")).as("HEAD %s: Content-Length", path)
                    .isEqualTo(Integer.toString(get.response().body().length));
            assertThat(head.trailing()).as("HEAD %s: bytes after the head", path).isZero();
        }
    }

    /** One request on its own connection; {@code trailing} counts what the server sent after the response. */
    private record Exchange(RawHttp.Response response, int trailing) {
    }

    private Exchange exchange(String method, String path, String authorization) throws IOException {
        String request = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + (authorization != null ? "Authorization: " + authorization + "\r\n" : "") + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write(bytes(request));
            InputStream in = socket.getInputStream();
            RawHttp.Response response = RawHttp.read(in, method.equals("HEAD"));
            return new Exchange(response, in.readAllBytes().length);
        }
    }
}
