package com.example.statuscodes.fuzz;

import com.example.statuscodes.admin.AdminSettingsStore;
import com.example.statuscodes.errors.KnownMethods;
import com.example.statuscodes.support.RawHttp;
import com.example.statuscodes.support.Tokens;
import com.example.statuscodes.users.Role;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MockMvc fuzz ({@link BadInputFuzzTest}) never sees what Tomcat does with bytes; everything issue #12 found
 * escaped it. This one writes generated requests byte for byte to the real server over a socket: request lines
 * (methods, targets with characters a URL forbids, HTTP versions), header forms (no or two Hosts, folded and
 * malformed lines, a header over the size limit, transfer codings, lengths that do not match), content types,
 * {@code Accept} forms, conditional headers, credentials and bodies. For every answer:
 * <ul>
 *   <li>no 5xx, except the demo endpoint's 500 and the two codes Tomcat chooses for a request it cannot serve:
 *       505 for an HTTP version other than 1.0/1.1, 501 for an unknown transfer coding or {@code CONNECT};</li>
 *   <li>every error is problem+json with the response's own status;</li>
 *   <li>no write without a 2xx: the users table and the admin settings are compared before and after each request.</li>
 * </ul>
 * Seeded and bounded ({@value #REQUESTS} requests); a failure prints the seed and the requests that broke a rule.
 * Another seed: {@code -Dfuzz.seed=...}. Own in-memory database: the requests change and delete data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:raw-socket-fuzz;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import(Tokens.class)
@DisplayName("Raw requests to the real server: no 5xx, only problem+json errors, no write without a 2xx")
class RawSocketFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261128L);
    private static final int REQUESTS = 300;
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String[] METHODS = {"GET", "GET", "POST", "POST", "PUT", "PATCH", "PATCH", "DELETE", "HEAD",
            "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "get", "G@T", "QUERY"};
    private static final String[] VERSIONS = {"HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.1",
            "HTTP/1.0", "HTTP/1.2", "HTTP/2.0", "HTTP/3", "http/1.1", "HTTP/1.1 x", "HTTP/01.1"};
    private static final String[] CONTENT_TYPES = {null, "application/json", "application/json", "application/merge-patch+json",
            "application/merge-patch+json", "application/json;charset=UTF-8", "application/json;charset=utf-16",
            "application/json; charset=nonsense", "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=xyz", "multipart/mixed",
            "*/*", "application/*", "application/problem+json", "application/vnd.api+json", "", "garbage", "application/json;;;",
            "application/json; q=0.5", "APPLICATION/JSON"};
    private static final String[] ACCEPTS = {null, null, "application/json", "*/*", "application/*", "application/xml",
            "text/html", "application/json;charset=utf-16", "application/json;charset=latin1", "application/json;charset=utf-8",
            "application/problem+json", "application/json;q=0", "garbage", "", "*/*;q=0.1, application/xml",
            "application/merge-patch+json", "text/*", "application/json, text/plain;q=0.5"};
    private static final String[] CONDITIONALS = {null, null, null, "If-Match: \"0\"", "If-Match: *", "If-Match: W/\"0\"",
            "If-Match: \"999\"", "If-Match: garbage", "If-None-Match: *", "If-None-Match: \"0\"", "If-None-Match: W/\"0\"",
            "If-None-Match: \"0\", \"1\", \"2\"", "If-Modified-Since: Sat, 29 Oct 1994 19:43:31 GMT",
            "If-Unmodified-Since: yesterday", "If-Range: \"0\""};
    private static final String[] HEADER_FORMS = {"plain", "plain", "plain", "plain", "plain", "no-host", "two-hosts",
            "empty-host", "host-with-port", "folded", "no-colon", "space-before-colon", "long-header", "control-char",
            "non-ascii-value", "expect-continue", "many-headers", "x-forwarded-for"};
    private static final String[] FRAMINGS = {"length", "length", "length", "length", "chunked", "chunked", "none",
            "gzip-chunked", "unknown-coding", "length-and-chunked", "short-length", "huge-length", "max-length",
            "negative-length", "two-lengths"};
    private static final String[] BODIES = {"", "{}", "null", "[]", "{invalid json}", "{\"email\":", "{\"age\": \"ten\"}",
            "{\"email\": \"fuzz-%s@example.com\"}", "{\"email\": \"fuzz-%s@example.com\", \"password\": \"fuzz-password\", \"age\": 30}",
            "{\"name\": \"Fuzzed\"}", "{\"age\": null}", "{\"name\": null, \"age\": 7}", "{\"age\": -5}", "{\"email\": \"not-an-email\"}",
            "{\"email\": null}", "{\"role\": \"ADMIN\"}", "{\"email\": \"admin@example.com\"}",
            "{\"signupsEnabled\": true, \"defaultPageSize\": 20}", "{\"signupsEnabled\": false, \"defaultPageSize\": 5}",
            "{\"signupsEnabled\": true, \"defaultPageSize\": 0}", "{\"email\": \"alice@example.com\", \"password\": \"alice-password\"}",
            "{\"email\": \"alice@example.com\", \"password\": \"wrong\"}", "{\"age\": 31, \"age\": 32}",
            "{\"email\": \"fuzz-%s@example.com\", \"nmae\": \"typo\"}", "\u00ef\u00bb\u00bf{\"age\": 3}", "--xyz\r\n\r\n--xyz--",
            "email=a@b.c&age=3", "<user/>", "{\"name\": \"\u00e9\u00e9\"}"};

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    AdminSettingsStore settings;
    @Autowired
    Tokens tokens;

    /** One generated request and the parts the rules look at. */
    record FuzzRequest(int index, String method, String target, String version, String contentType, String accept,
                       String conditional, String headerForm, String framing, String credentials, String body, byte[] bytes) {

        String describe() {
            return "#%d %s %s %s framing=%s headers=%s Content-Type=%s Accept=%s %s auth=%s body=%s".formatted(index, method,
                    abbreviate(target), version, framing, headerForm, contentType, accept, conditional, credentials, abbreviate(body));
        }
    }

    @Test
    void generated_raw_requests_give_no_5xx_only_problem_json_errors_and_no_write_without_a_2xx() throws Exception {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        User admin = users.findByEmail("admin@example.com").orElseThrow();
        long started = System.nanoTime();

        for (int i = 0; i < REQUESTS; i++) {
            User victim = victim();
            FuzzRequest request = generate(random, i, victim, admin);
            String before = state();
            RawHttp.Response response;
            try {
                response = RawHttp.exchange(port, request.bytes(), TIMEOUT_MILLIS, request.method().equals("HEAD"), false);
            } catch (IOException noAnswer) {
                failures.add("no HTTP answer (" + noAnswer.getMessage() + ") to " + request.describe());
                continue;
            }
            String after = state();
            check(request, response, !before.equals(after))
                    .forEach(rule -> failures.add(rule + " for " + request.describe() + " → " + response));
        }
        System.out.printf("Raw-socket fuzz, seed %d: %d requests in %d ms, %d rule breaks%n",
                SEED, REQUESTS, (System.nanoTime() - started) / 1_000_000, failures.size());
        assertThat(failures).as("requests that broke a rule (seed %d; rerun with -Dfuzz.seed=%d)", SEED, SEED).isEmpty();
    }

    private static List<String> check(FuzzRequest request, RawHttp.Response response, boolean wrote) {
        List<String> broken = new ArrayList<>();
        int status = response.status();
        if (status >= 500 && !allowed5xx(request, status)) {
            broken.add("5xx " + status);
        }
        if (wrote && (status < 200 || status > 299)) {
            broken.add("write without a 2xx (" + status + ")");
        }
        if (status >= 400 && !request.method().equals("HEAD") && !optionsStar(request, response)) {
            String contentType = response.header("Content-Type");
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                broken.add(status + " without problem+json (Content-Type " + contentType + ")");
            } else {
                try {
                    JsonNode problem = JSON.readTree(response.body());
                    if (problem.path("status").asInt() != status || !problem.hasNonNull("title")) {
                        broken.add(status + " whose problem says status " + problem.path("status"));
                    }
                } catch (RuntimeException notJson) {
                    broken.add(status + " with a problem+json body that is not JSON");
                }
            }
        }
        return broken;
    }

    /**
     * The one error without a problem body, because no part of a web application runs for it: Tomcat answers
     * {@code OPTIONS *} itself, before any valve (see {@code machinery.tomcat.ContainerErrorPages}), also when the request
     * is malformed otherwise. Only that exact answer is let through: a 400 with an empty body.
     */
    private static boolean optionsStar(FuzzRequest request, RawHttp.Response response) {
        return request.method().equals("OPTIONS") && request.target().equals("*") && response.status() == 400
                && response.body().length == 0;
    }

    /**
     * 5xx that are right: the demo's 500, what Tomcat answers for a version or transfer coding it does not implement,
     * and the 501 for a method the server does not know.
     */
    private static boolean allowed5xx(FuzzRequest request, int status) {
        boolean demo = request.target().equals("/api/demo/server-error") && status == 500
                && (request.method().equals("GET") || request.method().equals("HEAD"));
        boolean version = status == 505 && !request.version().equals("HTTP/1.1") && !request.version().equals("HTTP/1.0");
        boolean notImplemented = status == 501 && (request.method().equals("CONNECT")
                || !KnownMethods.METHODS.contains(request.method()) // QUERY, PROPFIND, a lowercase get
                || request.framing().equals("gzip-chunked") || request.framing().equals("unknown-coding"));
        return demo || version || notImplemented;
    }

    /**
     * Two kinds of request, half each: anything goes (most are refused early, by Tomcat or the filters), or a
     * well-formed request to an API operation with a valid token that varies only in its content type, Accept,
     * conditional headers and body, so that it reaches the controllers and their writes.
     */
    private FuzzRequest generate(Random random, int index, User victim, User admin) {
        boolean wellFormed = random.nextBoolean();
        String method = wellFormed ? pick(random, new String[]{"GET", "POST", "PUT", "PATCH", "DELETE"}) : pick(random, METHODS);
        String target = wellFormed ? pick(random, new String[]{"/api/users", "/api/users/" + victim.getId(), "/api/me",
                "/api/admin/settings", "/api/auth/token"}) : target(random, victim, admin);
        String version = wellFormed ? "HTTP/1.1" : pick(random, VERSIONS);
        String contentType = pick(random, CONTENT_TYPES);
        String accept = pick(random, ACCEPTS);
        String conditional = pick(random, CONDITIONALS);
        String headerForm = wellFormed ? "plain" : pick(random, HEADER_FORMS);
        String framing = wellFormed ? pick(random, new String[]{"length", "length", "chunked"}) : pick(random, FRAMINGS);
        String credentials = wellFormed ? pick(random, new String[]{"victim", "victim", "admin", "none"})
                : pick(random, new String[]{"none", "victim", "victim", "admin", "garbage", "expired", "basic"});
        String body = pick(random, BODIES).replace("%s", Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, method + " " + target + " " + version + "\r\n");
        switch (headerForm) {
            case "no-host" -> { }
            case "two-hosts" -> write(out, "Host: localhost\r\nHost: example.com\r\n");
            case "empty-host" -> write(out, "Host:\r\n");
            case "host-with-port" -> write(out, "Host: localhost:" + port + "\r\n");
            default -> write(out, "Host: localhost\r\n");
        }
        switch (headerForm) {
            case "folded" -> write(out, "X-Folded: first\r\n  second line\r\n");
            case "no-colon" -> write(out, "NoColonHere\r\n");
            case "space-before-colon" -> write(out, "X-Space : value\r\n");
            case "long-header" -> write(out, "X-Long: " + "a".repeat(9_000) + "\r\n");
            case "control-char" -> write(out, "X-Control: a\u0001b\r\n");
            case "non-ascii-value" -> out.writeBytes("X-Utf8: \u00e9\u6f22\r\n".getBytes(StandardCharsets.UTF_8));
            case "expect-continue" -> write(out, "Expect: 100-continue\r\n");
            case "many-headers" -> {
                for (int h = 0; h < 120; h++) {
                    write(out, "X-H" + h + ": " + h + "\r\n");
                }
            }
            case "x-forwarded-for" -> write(out, "X-Forwarded-For: 10.0.0.1\r\nForwarded: for=10.0.0.2\r\n");
            default -> { }
        }
        switch (credentials) {
            case "victim" -> write(out, "Authorization: " + tokens.bearer(victim.getId()) + "\r\n");
            case "admin" -> write(out, "Authorization: " + tokens.bearer(admin.getId()) + "\r\n");
            case "garbage" -> write(out, "Authorization: Bearer x.y.z\r\n");
            case "expired" -> write(out, "Authorization: Bearer " + tokens.expired(victim.getId()) + "\r\n");
            case "basic" -> write(out, "Authorization: Basic YWxpY2VAZXhhbXBsZS5jb206YWxpY2UtcGFzc3dvcmQ=\r\n");
            default -> { }
        }
        if (contentType != null) {
            write(out, "Content-Type: " + contentType + "\r\n");
        }
        if (accept != null) {
            write(out, "Accept: " + accept + "\r\n");
        }
        if (conditional != null) {
            write(out, conditional + "\r\n");
        }
        write(out, "Connection: close\r\n");
        // Framing: never announce more bytes than are sent (the server would wait for them), except beyond the
        // body-size limit, which the server must refuse before reading.
        switch (framing) {
            case "length" -> {
                write(out, "Content-Length: " + bodyBytes.length + "\r\n\r\n");
                out.writeBytes(bodyBytes);
            }
            case "chunked" -> {
                write(out, "Transfer-Encoding: chunked\r\n\r\n");
                chunked(out, bodyBytes);
            }
            case "gzip-chunked" -> {
                write(out, "Transfer-Encoding: gzip, chunked\r\n\r\n");
                chunked(out, bodyBytes);
            }
            case "unknown-coding" -> {
                write(out, "Transfer-Encoding: x-fuzz\r\n\r\n");
                out.writeBytes(bodyBytes);
            }
            case "length-and-chunked" -> {
                write(out, "Content-Length: " + bodyBytes.length + "\r\nTransfer-Encoding: chunked\r\n\r\n");
                chunked(out, bodyBytes);
            }
            case "short-length" -> {
                write(out, "Content-Length: " + bodyBytes.length / 2 + "\r\n\r\n");
                out.writeBytes(bodyBytes);
            }
            case "huge-length" -> write(out, "Content-Length: 2000000\r\n\r\n");
            case "max-length" -> write(out, "Content-Length: 9223372036854775807\r\n\r\n");
            case "negative-length" -> {
                write(out, "Content-Length: -1\r\n\r\n");
                out.writeBytes(bodyBytes);
            }
            case "two-lengths" -> {
                write(out, "Content-Length: " + bodyBytes.length + "\r\nContent-Length: 0\r\n\r\n");
                out.writeBytes(bodyBytes);
            }
            default -> write(out, "\r\n");
        }
        return new FuzzRequest(index, method, target, version, contentType, accept, conditional, headerForm, framing,
                credentials, body, out.toByteArray());
    }

    private static String target(Random random, User victim, User admin) {
        String[] targets = {"/api/users", "/api/users", "/api/users/" + victim.getId(), "/api/users/" + victim.getId(),
                "/api/users/" + victim.getId(), "/api/users/" + admin.getId(), "/api/users/999999", "/api/me", "/api/me",
                "/api/admin/settings", "/api/admin/settings", "/api/auth/token", "/api/auth/token", "/api/demo/server-error",
                "/actuator/health", "/api/nowhere", "/api/users/abc", "/api/users/1%2F2", "/api/users/1%00", "/api/users/1;x=y",
                "/api/users/../admin/settings", "/api/users/%2e%2e/admin", "/api/users?page=-1&size=1000&sort=password",
                "/api/users?sort=email,desc&sort=id", "/api/users?size=", "/api/users?q={x}", "/api/users/a|b", "/api/users/a\\b",
                "/api/users/\u00e9", "/api/users?q=" + "a".repeat(10_240), "*", "http://localhost/api/me", "/api/users/%ZZ",
                "/api/users/" + victim.getId() + "?x=%C3%A9", "//api//users", "/API/USERS", "/api/users/" + victim.getId() + "/"};
        return pick(random, targets);
    }

    /** The account most requests act on; re-created whenever a generated DELETE removed it. */
    private User victim() {
        return users.findAll().stream().filter(user -> user.getEmail().startsWith("victim-")).findFirst()
                .orElseGet(() -> users.save(new User("victim-" + System.nanoTime() + "@example.com", "Victim", 30,
                        Role.USER, Instant.now())));
    }

    /** Everything a write could change: every user's fields and version, and the admin settings. */
    private String state() {
        return users.findAll().stream().sorted(Comparator.comparing(User::getId))
                .map(u -> u.getId() + "|" + u.getEmail() + "|" + u.getName() + "|" + u.getAge() + "|" + u.getRole() + "|"
                        + u.getVersion() + "|" + u.getPasswordHash())
                .collect(Collectors.joining("\n")) + "\n" + settings.current();
    }

    private static void chunked(ByteArrayOutputStream out, byte[] body) {
        if (body.length > 0) {
            int half = Math.max(1, body.length / 2);
            write(out, Integer.toHexString(half) + "\r\n");
            out.write(body, 0, half);
            write(out, "\r\n");
            if (body.length > half) {
                write(out, Integer.toHexString(body.length - half) + "\r\n");
                out.write(body, half, body.length - half);
                write(out, "\r\n");
            }
        }
        write(out, "0\r\n\r\n");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 60 ? text : text.substring(0, 60) + "…(" + text.length() + " chars)";
    }
}
