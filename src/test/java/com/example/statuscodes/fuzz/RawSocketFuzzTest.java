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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

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
 * A second generator aims at the refusals of issue #22, one class per probe, each on an otherwise valid request (a
 * token, the right Content-Type) so that it reaches the class: {@code Content-Encoding} values, repeated and oddly
 * spelled query parameters, {@code sort} values with {@code %}, {@code Accept} weights and parameters,
 * {@code Expect: 100-continue}, header fields over the limits, unknown methods, malformed entity-tag lists, chunk
 * extensions and trailers, bodies announced and not sent, a login flood, and a single-valued header on two lines.
 * Its probes keep the connection open, so that it can also see what happens to it: a refusal that left the body
 * unread says {@code Connection: close} and closes; any other error answer leaves the connection able to answer the
 * next request. Each class also has its
 * oracle: a request the class must refuse is never a 2xx.
 * <p>
 * Seeded and bounded ({@value #REQUESTS} + {@value #PROBES} requests, some seconds: a body that never comes is a 408
 * after the 1 s body deadline set here); a failure prints the seed and the requests that broke a rule.
 * Another seed: {@code -Dfuzz.seed=...}. Own in-memory database: the requests change and delete data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:raw-socket-fuzz;DB_CLOSE_DELAY=-1",
        // The limits on (the test profile switches them off), so that 429s are fuzzed too. Every request comes from an
        // address of its own (127/8 is loopback), and the API's budget is generous: only the login flood meets a limit.
        "app.rate-limit.enabled=true", "app.rate-limit.requests-per-minute=100000",
        // A body that never comes is a 408 after 1 s, not 10 s.
        "app.request-body-timeout=1s"})
@ActiveProfiles("test")
@Import(Tokens.class)
@DisplayName("Raw requests to the real server: no 5xx, only problem+json errors, no write without a 2xx")
class RawSocketFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261128L);
    private static final int REQUESTS = 300;
    private static final int PROBES = 260;
    private static final int TIMEOUT_MILLIS = 5_000;
    /** A refusal that left the body unread closes at once (before {@code RefusedUnreadBodies}: the 60 s connection timeout). */
    private static final int CLOSE_WITHIN_MILLIS = 2_000;
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
                response = exchange(source(1, i), request.bytes(), request.method().equals("HEAD"), false).response();
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
            problemBody(response).ifPresent(broken::add);
        }
        return broken;
    }

    /** What is wrong with an error answer's body, if anything: it must be problem+json with the answer's own status. */
    private static Optional<String> problemBody(RawHttp.Response response) {
        int status = response.status();
        String contentType = response.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return Optional.of(status + " without problem+json (Content-Type " + contentType + ")");
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem.path("status").asInt() != status || !problem.hasNonNull("title")) {
                return Optional.of(status + " whose problem says status " + problem.path("status"));
            }
        } catch (RuntimeException notJson) {
            return Optional.of(status + " with a problem+json body that is not JSON");
        }
        return Optional.empty();
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

    // ------------------------------------------------------------------------------------ the classes of issue #22

    /** What a probe aims at: one class of refusal each. */
    private static final String[] KINDS = {"content-encoding", "repeated-parameter", "number", "sort", "accept", "expect",
            "long-header", "many-headers", "method", "entity-tags", "chunked", "short-body", "login-flood", "repeated-header"};
    /** Refusals that come before the application reads a body: with a body announced, the connection must close. */
    private static final Set<Integer> REFUSED_BEFORE_READING = Set.of(405, 406, 413, 415, 429, 431, 501);
    private static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Tomcat's {@code maxHeaderCount}; more header fields than this are a 431. */
    private static final int MAX_HEADER_COUNT = 100;
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,18})");
    /** {@code users.UserSort.VALUES}, spelled out: the test states what the API accepts, not what the code says. */
    private static final List<String> SORT_VALUES = Stream.of("id", "email", "name", "age", "createdAt")
            .flatMap(property -> Stream.of(property, property + ",asc", property + ",desc")).toList();

    private static final String[] CONTENT_ENCODINGS = {"gzip", "br", "identity", "gzip, identity", "", "garbage", "GZIP",
            "identity, gzip", "deflate", " identity ", ",", "x-gzip", "identity,identity", "zstd", "gzip;q=1", "compress"};
    /** {as sent in the query, as the container decodes it}. */
    private static final String[][] NUMBERS = {{"0x10", "0x10"}, {"+1", " 1"}, {"%2B1", "+1"}, {"01", "01"}, {"1.0", "1.0"},
            {"1e3", "1e3"}, {"-0", "-0"}, {"99999999999999999999", "99999999999999999999"}, {"2147483648", "2147483648"},
            {"-2147483649", "-2147483649"}, {"-1", "-1"}, {"%201", " 1"}, {"%2310", "#10"}, {"1_0", "1_0"},
            {"%EF%BC%91", "\uff11"}, {"%D9%A1", "\u0661"}, {"%E2%80%8B1", "\u200b1"}, {"1%00", "1\u0000"}, {"00", "00"},
            {"0010", "0010"}, {"%31", "1"}, {"0", "0"}, {"1", "1"}, {"20", "20"}, {"100", "100"}, {"101", "101"},
            {"10000000", "10000000"}, {"10000001", "10000001"}, {"", ""}};
    /** {as sent, as the container decodes it; null: not a valid percent-encoding}. */
    private static final String[][] SORTS = {{"%", null}, {"%25", "%"}, {"%2C", ","}, {"email%2Cdesc", "email,desc"},
            {"email,desc", "email,desc"}, {"%65mail", "email"}, {"%C3%A9", "\u00e9"}, {"\u00e9", "\u00e9"},
            {"%E2%80%AE", "\u202e"}, {"%F0%9F%98%80", "\ud83d\ude00"}, {"%FF", "\ufffd"}, {"email,DESC", "email,DESC"},
            {"email,desc,asc", "email,desc,asc"}, {"", ""}, {",", ","}, {"id%00", "id\u0000"}, {"%2Bid", "+id"},
            {"email%20desc", "email desc"}, {"%%", null}, {"%2", null}, {"%zz", null}, {"%252C", "%2C"},
            {"createdAt", "createdAt"}, {"createdat", "createdat"}, {"id,asc", "id,asc"}, {"name,desc", "name,desc"},
            {"password", "password"}};
    private static final String[] ACCEPT_FORMS = {"application/json;q=0", "application/json;q=0.000", "application/json;q=1.0001",
            "application/json;q=abc", "application/json;q=", "application/json;q=-1", "application/json;q=0.5;q=0",
            "application/json;version=9", "application/json;charset=utf-16", "application/json;charset=utf-16;q=0.9",
            "*/*;q=0", "*/*;q=0, application/json", "application/*;q=0", "application/json;q=0, */*",
            "application/json;q=0, application/*", "*/*, application/json;q=0", "application/problem+json;q=0",
            "application/json ; q=0", "application/json;Q=0", "application/json;q=0.001", "text/html;level=1, */*;q=0.1",
            "application/json;q=1;foo=bar", "application/json;profile=\"x y\"", "application/json;q=0.1, text/plain"};
    /** Accept values under which nothing the API produces is acceptable (RFC 9110 §12.5.1: q=0, the most specific range). */
    private static final Set<String> NOTHING_ACCEPTABLE = Set.of("application/json;q=0", "application/json;q=0.000", "*/*;q=0",
            "application/*;q=0", "application/json;q=0, */*", "application/json;q=0, application/*",
            "*/*, application/json;q=0", "application/problem+json;q=0", "application/json ; q=0", "application/json;Q=0");
    private static final String[] UNKNOWN_METHODS = {"BREW", "QUERY", "get", "post", "Patch", "PROPFIND", "MKCOL",
            "M-SEARCH", "GET2", "LINK", "PURGE", "X".repeat(100)};
    /** {value, "valid" when RFC 9110's If-Match / If-None-Match grammar allows it}. */
    private static final String[][] ENTITY_TAGS = {{"\"0\"", "valid"}, {"*", "valid"}, {"W/\"0\"", "valid"},
            {"\"0\", \"1\"", "valid"}, {",\"0\"", "valid"}, {"\"0\",", "valid"}, {"\"\"", "valid"}, {",", "valid"},
            {"\"0\" , , \"1\"", "valid"}, {"\"\u00e9\"", "valid"}, {"\"999\"", "valid"}, {"W/\"1\", \"0\"", "valid"},
            {"\"0\" \"1\"", "invalid"}, {"w/\"0\"", "invalid"}, {"*, \"0\"", "invalid"}, {"\"0", "invalid"},
            {"0\"", "invalid"}, {"0", "invalid"}, {"\"0 1\"", "invalid"}, {"**", "invalid"}, {"W/ \"0\"", "invalid"},
            {"\"0\"junk", "invalid"}, {"W/*", "invalid"}, {"\"0\";", "invalid"}, {"'0'", "invalid"}, {"garbage", "invalid"}};
    private static final String[] CHUNK_FORMS = {"extension", "quoted-extension", "bare-extension", "extensions-with-spaces",
            "trailer", "many-trailers", "long-trailer", "upper-hex", "leading-zeros", "one-byte-chunks", "size-overflow",
            "bad-size", "size-too-big", "no-last-chunk", "lf-only", "empty"};

    /**
     * One request of the second generator. {@code mustRefuse} says why an answer below 400 would be wrong, {@code
     * expected} is the one right status; {@code bodyAnnounced}: a non-empty body was announced, {@code bodyShort}: and
     * not all of it sent.
     */
    record Probe(int index, String kind, String variant, String method, String source, boolean bodyAnnounced,
                 boolean bodyShort, long declaredLength, int headerCount, int headBytes, String mustRefuse,
                 Integer expected, byte[] bytes) {

        String describe() {
            String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
            return "#%d %s [%s] from %s: %s".formatted(index, kind, variant, source, abbreviate(text, 400));
        }
    }

    /** A request being built: a valid operation first, then the probe's change to it. */
    private static final class Draft {
        String method;
        String target;
        final List<String> headers = new ArrayList<>();
        byte[] body;                 // sent with its Content-Length, unless framing says otherwise
        List<String> framing;        // the framing header fields, when the probe writes the body itself
        byte[] payload;              // what follows the head then
        boolean bodyAnnounced;
        boolean bodyShort;
        long declaredLength = -1;
        String variant = "";
        String mustRefuse;
        Integer expected;

        void header(String line) {
            headers.add(line);
        }

        void replaceHeader(String name, String line) {
            headers.removeIf(header -> header.regionMatches(true, 0, name + ":", 0, name.length() + 1));
            headers.add(line);
        }
    }

    /** One answer, the interim ones before it, and what became of the connection. */
    record Exchange(List<Integer> interim, RawHttp.Response response, boolean closed, int next) {
    }

    @Test
    void probes_of_the_new_refusals_give_their_code_close_unread_bodies_and_never_a_wrong_2xx() throws Exception {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        Map<String, Long> millis = new TreeMap<>();
        resetSettings(); // sign-ups open, If-Match optional, whatever the other test left
        long started = System.nanoTime();

        for (int i = 0; i < PROBES; i++) {
            Probe probe = probe(random, i, victim());
            String before = state();
            Exchange exchange;
            long sent = System.nanoTime();
            try {
                exchange = exchange(probe.source(), probe.bytes(), probe.method().equals("HEAD"), true);
                millis.merge(probe.kind(), (System.nanoTime() - sent) / 1_000_000, Long::sum);
            } catch (IOException noAnswer) {
                failures.add("no HTTP answer within " + TIMEOUT_MILLIS + " ms (" + noAnswer.getMessage() + ") to " + probe.describe());
                continue;
            }
            boolean wrote = !before.equals(state());
            statuses.computeIfAbsent(probe.kind(), kind -> new TreeMap<>()).merge(exchange.response().status(), 1, Integer::sum);
            check(probe, exchange, wrote).forEach(rule -> failures.add(rule + " for " + probe.describe() + " → " + exchange.response()));
        }
        System.out.printf("Raw-socket probes of #22's classes, seed %d: %d requests in %d ms, %d rule breaks; statuses %s; ms %s%n",
                SEED, PROBES, (System.nanoTime() - started) / 1_000_000, failures.size(), statuses, millis);
        assertThat(failures).as("probes that broke a rule (seed %d; rerun with -Dfuzz.seed=%d)", SEED, SEED).isEmpty();
    }

    private void resetSettings() throws IOException {
        String admin = tokens.bearer(users.findByEmail("admin@example.com").orElseThrow().getId());
        RawHttp.Response reset = exchange("127.0.0.1", RawHttp.bytes("DELETE /api/admin/settings HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + admin + "\r\nConnection: close\r\n\r\n"), false, false).response();
        assertThat(reset.status()).as("DELETE /api/admin/settings: %s", reset).isEqualTo(204);
    }

    private static List<String> check(Probe probe, Exchange exchange, boolean wrote) {
        List<String> broken = new ArrayList<>();
        RawHttp.Response response = exchange.response();
        int status = response.status();
        boolean head = probe.method().equals("HEAD");
        if (status >= 500 && !(status == 501 && !KnownMethods.METHODS.contains(probe.method()))) {
            broken.add("5xx " + status);
        }
        if (wrote && (status < 200 || status > 299)) {
            broken.add("write without a 2xx (" + status + ")");
        }
        if (status >= 400 && !head) {
            problemBody(response).ifPresent(broken::add);
        }
        String contentType = response.header("Content-Type");
        if (!head && response.body().length > 0
                && !"application/json".equals(contentType) && !"application/problem+json".equals(contentType)) {
            broken.add("Content-Type " + contentType + ": not a type the API produces (an Accept parameter echoed?)");
        }
        if (probe.expected() != null && status != probe.expected()) {
            broken.add(status + " instead of " + probe.expected());
        }
        if (probe.mustRefuse() != null && (status < 400 || probe.kind().equals("entity-tags") && status == 412)) {
            broken.add(status + " for " + probe.mustRefuse());
        }
        if (exchange.interim().contains(100) && probe.declaredLength() > MAX_BODY_BYTES) {
            broken.add("100 Continue for a body over the limit (the client sends it all before the 413)");
        }
        if (status == 429) {
            String retryAfter = response.header("Retry-After");
            String limit = response.header("RateLimit");
            if (retryAfter == null || !retryAfter.matches("[1-9][0-9]*") || response.header("RateLimit-Policy") == null
                    || limit == null || !limit.endsWith(";r=0;t=" + retryAfter)) {
                broken.add("429 without Retry-After, RateLimit-Policy and a RateLimit of r=0 and t=Retry-After");
            }
        }
        if (status == 431 && probe.headerCount() <= MAX_HEADER_COUNT && probe.headBytes() < 8_000) {
            broken.add("431 for a head within the limits (" + probe.headerCount() + " fields, " + probe.headBytes() + " bytes)");
        }
        boolean close = "close".equalsIgnoreCase(response.header("Connection"));
        if (status >= 400 && probe.bodyAnnounced() && (probe.bodyShort() || REFUSED_BEFORE_READING.contains(status)) && !close) {
            broken.add("a refusal that left the body unread, without Connection: close");
        }
        if (close && !exchange.closed()) {
            broken.add("Connection: close, but the connection still open after " + CLOSE_WITHIN_MILLIS + " ms");
        }
        if (!close && status >= 400 && exchange.next() != 200) {
            broken.add("the connection kept, but the next request on it answered " + exchange.next() + " (waiting for a body?)");
        }
        return broken;
    }

    private Probe probe(Random random, int index, User victim) {
        String kind = pick(random, KINDS);
        Draft draft = switch (kind) {
            case "content-encoding" -> contentEncoding(random, victim);
            case "repeated-parameter" -> repeatedParameter(random, victim);
            case "number" -> number(random, victim);
            case "sort" -> sort(random, victim);
            case "accept" -> accept(random, victim);
            case "expect" -> expect(random, victim);
            case "long-header" -> longHeader(random, victim);
            case "many-headers" -> manyHeaders(random, victim);
            case "method" -> {
                Draft d = operation(random, victim, random.nextBoolean());
                d.method = pick(random, UNKNOWN_METHODS);
                d.variant = abbreviate(d.method, 20);
                d.expected = 501;
                yield d;
            }
            case "entity-tags" -> entityTags(random, victim);
            case "chunked" -> chunked(random, victim);
            case "short-body" -> shortBody(random, victim);
            case "repeated-header" -> repeatedHeader(random, victim);
            default -> loginFlood(random);
        };
        String source = kind.equals("login-flood") ? "127.0.2.1" : source(3, index);
        return serialize(index, kind, source, draft);
    }

    /** A valid request: one of the users operations, with the victim's token (a sign-up anonymous). */
    private Draft operation(Random random, User victim, boolean withBody) {
        Draft draft = new Draft();
        int choice = withBody ? 2 + random.nextInt(3) : random.nextInt(6);
        String user = "/api/users/" + victim.getId();
        switch (choice) {
            case 0 -> set(draft, "GET", "/api/users", null, null);
            case 1 -> set(draft, "GET", user, null, null);
            case 2 -> set(draft, "POST", "/api/users", "application/json",
                    "{\"email\": \"probe-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "@example.com\", \"name\": \"Probe\"}");
            case 3 -> set(draft, "PUT", user, "application/json",
                    "{\"email\": \"" + victim.getEmail() + "\", \"name\": \"Put " + random.nextInt(1000) + "\", \"age\": 31}");
            case 4 -> set(draft, "PATCH", user, "application/merge-patch+json", "{\"name\": \"Patched " + random.nextInt(1000) + "\"}");
            default -> set(draft, "DELETE", user, null, null);
        }
        if (choice != 2) {
            draft.header("Authorization: " + tokens.bearer(victim.getId()));
        }
        return draft;
    }

    private static void set(Draft draft, String method, String target, String contentType, String body) {
        draft.method = method;
        draft.target = target;
        if (contentType != null) {
            draft.header("Content-Type: " + contentType);
            draft.body = body.getBytes(StandardCharsets.UTF_8);
        }
    }

    private Draft contentEncoding(Random random, User victim) {
        Draft d = operation(random, victim, random.nextInt(4) > 0);
        String value = pick(random, CONTENT_ENCODINGS);
        List<String> codings = new ArrayList<>(Arrays.asList(value.split(",")));
        d.header("Content-Encoding: " + value);
        d.variant = "\"" + value + "\"";
        if (random.nextInt(5) == 0) {
            String second = pick(random, CONTENT_ENCODINGS);
            d.header("Content-Encoding: " + second);
            codings.addAll(Arrays.asList(second.split(",")));
            d.variant += " + \"" + second + "\"";
        }
        if (value.equals("gzip") && d.body != null && random.nextBoolean()) {
            d.body = gzip(d.body);
            d.variant += ", gzipped";
        }
        if (codings.stream().map(coding -> coding.strip().toLowerCase(Locale.ROOT))
                .anyMatch(coding -> !coding.isEmpty() && !coding.equals("identity"))) {
            d.mustRefuse = "a Content-Encoding other than identity";
        }
        return d;
    }

    /** A single-valued header on two lines (issue #22): a 400 on any operation, whichever line comes first. */
    private Draft repeatedHeader(Random random, User victim) {
        Draft d = operation(random, victim, random.nextBoolean());
        String name = pick(random, new String[]{"Content-Type", "Idempotency-Key"});
        String[] values = name.equals("Content-Type")
                ? new String[]{"application/json", "text/plain", "application/merge-patch+json"}
                : new String[]{"k-a", "k-b", "\"k-a\""};
        String first = pick(random, values);
        String second = random.nextInt(3) == 0 ? first : pick(random, values);
        d.replaceHeader(name, name + ": " + first);
        d.header(name + ": " + second);
        d.variant = first + " / " + second;
        d.expected = 400;
        return d;
    }

    private Draft repeatedParameter(Random random, User victim) {
        String name = pick(random, new String[]{"page", "size", "sort"});
        String[] values = switch (name) {
            case "page" -> new String[]{"0", "1", "2"};
            case "size" -> new String[]{"1", "20", "100", "500"};
            default -> new String[]{"id", "email,desc", "password"};
        };
        String first = pick(random, values);
        String second = random.nextInt(3) == 0 ? first : pick(random, values);
        String query = name + "=" + first + "&" + (random.nextBoolean() ? "" : "x=1&") + name + "=" + second;
        Draft d = listing(victim, query);
        if (random.nextInt(4) == 0) {
            d.method = "HEAD";
        }
        if (random.nextInt(6) == 0) { // a parameter the operation does not take: nothing to refuse
            d.target = "/api/users/" + victim.getId() + "?" + query;
            return d;
        }
        d.target = "/api/users?" + query;
        if (!name.equals("sort")) {
            d.mustRefuse = name + " sent twice (one value each)";
        } else if (!SORT_VALUES.contains(first) || !SORT_VALUES.contains(second)) {
            d.mustRefuse = "an unknown sort value";
        }
        return d;
    }

    private Draft listing(User victim, String query) {
        Draft d = new Draft();
        set(d, "GET", "/api/users?" + query, null, null);
        d.header("Authorization: " + tokens.bearer(victim.getId()));
        d.variant = query;
        return d;
    }

    private Draft number(Random random, User victim) {
        String name = random.nextBoolean() ? "page" : "size";
        String[] number = pick(random, NUMBERS);
        Draft d = listing(victim, name + "=" + number[0]);
        String decoded = number[1];
        boolean plain = PLAIN_DECIMAL.matcher(decoded).matches() && !decoded.equals("-0");
        long value = plain ? Long.parseLong(decoded) : 0;
        boolean inRange = name.equals("page") ? value >= 0 && value <= 10_000_000 : value >= 1 && value <= 100;
        if (!decoded.isEmpty() && !(plain && inRange)) {
            d.mustRefuse = "a " + name + " that is no plain decimal in range";
        }
        return d;
    }

    private Draft sort(Random random, User victim) {
        String[] sort = pick(random, SORTS);
        Draft d = listing(victim, "sort=" + sort[0]);
        if (sort[1] == null || !SORT_VALUES.contains(sort[1])) {
            d.mustRefuse = "a sort value outside the list";
        }
        return d;
    }

    private Draft accept(Random random, User victim) {
        Draft d = operation(random, victim, random.nextBoolean());
        String accept = pick(random, ACCEPT_FORMS);
        d.header("Accept: " + accept);
        d.variant = accept;
        if (NOTHING_ACCEPTABLE.contains(accept)) {
            d.mustRefuse = "an Accept under which JSON is not acceptable";
        }
        return d;
    }

    private Draft expect(Random random, User victim) {
        Draft d = operation(random, victim, true);
        d.header("Expect: 100-continue");
        switch (random.nextInt(5)) {
            case 0, 1 -> d.variant = "a small body, sent at once";
            case 2 -> {
                long length = pick(random, new Long[]{MAX_BODY_BYTES + 1, 2_000_000L, Long.MAX_VALUE});
                d.framing = List.of("Content-Length: " + length);
                d.payload = new byte[0];
                d.bodyAnnounced = true;
                d.bodyShort = true;
                d.declaredLength = length;
                d.expected = 413;
                d.variant = "Content-Length " + length + ", waiting for the 100";
            }
            case 3 -> {
                d.replaceHeader("Content-Type", "Content-Type: text/plain");
                d.variant = "text/plain, refused before the body";
            }
            default -> {
                String expectation = pick(random, new String[]{"100-Continue", "200-ok", "100-continue, x"});
                d.replaceHeader("Expect", "Expect: " + expectation);
                d.variant = "Expect: " + expectation;
            }
        }
        return d;
    }

    private Draft longHeader(Random random, User victim) {
        Draft d = operation(random, victim, random.nextBoolean());
        int length = pick(random, new Integer[]{4_000, 9_000, 16_384, 65_536});
        String name = pick(random, new String[]{"X-Long", "Cookie", "Accept", "If-None-Match", "User-Agent", "Content-Encoding"});
        String value = name.equals("If-None-Match") ? "\"" + "a".repeat(length) + "\"" : "a".repeat(length);
        d.header(name + ": " + value);
        d.variant = name + " of " + length + " characters";
        if (length > 8_192) {
            d.expected = 431;
        }
        return d;
    }

    private Draft manyHeaders(Random random, User victim) {
        Draft d = operation(random, victim, random.nextBoolean());
        int count = pick(random, new Integer[]{90, 96, 101, 150, 1_000});
        for (int n = 0; n < count; n++) {
            d.header("X-H" + n + ": " + n);
        }
        d.variant = count + " extra fields";
        return d; // 431 when over the limit: serialize counts every field
    }

    private Draft entityTags(Random random, User victim) {
        Draft d = operation(random, victim, false);
        while (d.method.equals("POST") || d.target.equals("/api/users")) { // a GET, PUT, PATCH or DELETE of the victim
            d = operation(random, victim, false);
        }
        String header = d.method.equals("GET") || random.nextInt(3) == 0 ? "If-None-Match" : "If-Match";
        String[] tag = pick(random, ENTITY_TAGS);
        d.header(header + ": " + tag[0]);
        d.variant = header + ": " + tag[0];
        boolean valid = tag[1].equals("valid");
        if (random.nextInt(5) == 0) { // two field lines: one list (RFC 9110 §5.3), so one malformed line spoils it
            String[] second = pick(random, ENTITY_TAGS);
            d.header(header + ": " + second[0]);
            d.variant += " + " + second[0];
            valid &= second[1].equals("valid");
        }
        if (!valid) {
            d.mustRefuse = "a malformed " + header;
        }
        return d;
    }

    private Draft chunked(Random random, User victim) {
        Draft d = operation(random, victim, true);
        String form = pick(random, CHUNK_FORMS);
        byte[] body = d.body;
        String hex = Integer.toHexString(body.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        d.framing = List.of("Transfer-Encoding: chunked");
        d.bodyAnnounced = !form.equals("empty");
        switch (form) {
            case "extension" -> chunk(out, hex + ";name=value", body, "0\r\n\r\n");
            case "quoted-extension" -> chunk(out, hex + ";name=\"a b;c\"", body, "0\r\n\r\n");
            case "bare-extension" -> chunk(out, hex + ";name", body, "0\r\n\r\n");
            case "extensions-with-spaces" -> chunk(out, hex + " ; a=1 ; b", body, "0\r\n\r\n");
            case "trailer" -> chunk(out, hex, body, "0\r\nX-Trailer: 1\r\n\r\n");
            case "many-trailers" -> chunk(out, hex, body, "0\r\n" + "X-Trailer: 1\r\n".repeat(50) + "\r\n");
            case "long-trailer" -> chunk(out, hex, body, "0\r\nX-Trailer: " + "t".repeat(10_000) + "\r\n\r\n");
            case "upper-hex" -> chunk(out, hex.toUpperCase(Locale.ROOT), body, "0\r\n\r\n");
            case "leading-zeros" -> chunk(out, "000" + hex, body, "0\r\n\r\n");
            case "one-byte-chunks" -> {
                for (byte b : body) {
                    chunk(out, "1", new byte[]{b}, "");
                }
                write(out, "0\r\n\r\n");
            }
            case "size-overflow" -> chunk(out, "1" + "0".repeat(17), body, "0\r\n\r\n");
            case "bad-size" -> chunk(out, "zz", body, "0\r\n\r\n");
            case "size-too-big" -> {
                chunk(out, Integer.toHexString(body.length + 50), body, "0\r\n\r\n"); // the last chunk is read as data
                d.bodyShort = true;
            }
            case "no-last-chunk" -> {
                chunk(out, hex, body, "");
                d.bodyShort = true;
            }
            case "lf-only" -> {
                write(out, hex + "\n");
                out.writeBytes(body);
                write(out, "\n0\n\n");
            }
            default -> write(out, "0\r\n\r\n"); // empty
        }
        d.payload = out.toByteArray();
        d.variant = form;
        return d;
    }

    private static void chunk(ByteArrayOutputStream out, String sizeLine, byte[] data, String after) {
        write(out, sizeLine + "\r\n");
        out.writeBytes(data);
        write(out, "\r\n" + after);
    }

    private Draft shortBody(Random random, User victim) {
        Draft d = operation(random, victim, random.nextInt(3) > 0);
        if (d.body == null) {
            d.body = "{}".getBytes(StandardCharsets.UTF_8);
            d.header("Content-Type: application/json");
        }
        if (random.nextBoolean()) { // refused before the body: at once; otherwise a 408 after the 1 s deadline
            d.replaceHeader("Content-Type", "Content-Type: text/plain");
        }
        d.bodyAnnounced = true;
        d.bodyShort = true;
        int missing = pick(random, new Integer[]{1, 100, 100_000, -1});
        if (missing < 0) {
            d.framing = List.of("Transfer-Encoding: chunked");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, Integer.toHexString(d.body.length + 100) + "\r\n");
            out.writeBytes(d.body);
            d.payload = out.toByteArray();
            d.variant = "a chunk 100 bytes short";
        } else {
            d.framing = List.of("Content-Length: " + (d.body.length + missing));
            d.payload = d.body;
            d.declaredLength = d.body.length + missing;
            d.variant = missing + " bytes short";
        }
        return d;
    }

    /** Logins from one address, some of them refused for other reasons too: over the login limit, 429s with their headers. */
    private static Draft loginFlood(Random random) {
        Draft d = new Draft();
        String body = pick(random, new String[]{"{\"email\": \"alice@example.com\", \"password\": \"alice-password\"}",
                "{\"email\": \"alice@example.com\", \"password\": \"wrong-password\"}", "{\"email\": ", "{}"});
        set(d, "POST", "/api/auth/token", "application/json", body);
        switch (random.nextInt(5)) {
            case 0 -> d.header("Content-Encoding: gzip");
            case 1 -> d.header("Accept: application/json;q=0");
            case 2 -> d.replaceHeader("Content-Type", "Content-Type: */*");
            default -> { }
        }
        d.variant = d.headers.toString();
        return d;
    }

    private static Probe serialize(int index, String kind, String source, Draft d) {
        List<String> fields = new ArrayList<>();
        fields.add("Host: localhost");
        fields.addAll(d.headers);
        byte[] payload = new byte[0];
        boolean announced = d.bodyAnnounced;
        long declared = d.declaredLength;
        if (d.framing != null) {
            fields.addAll(d.framing);
            payload = d.payload;
        } else if (d.body != null) {
            fields.add("Content-Length: " + d.body.length);
            payload = d.body;
            announced = d.body.length > 0;
            declared = d.body.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((d.method + " " + d.target + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
        for (String field : fields) { // ISO-8859-1: obs-text in an entity tag is one byte
            out.writeBytes((field + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        write(out, "\r\n");
        int headBytes = out.size();
        out.writeBytes(payload);
        Integer expected = fields.size() > MAX_HEADER_COUNT ? Integer.valueOf(431) : d.expected;
        return new Probe(index, kind, d.variant, d.method, source, announced, d.bodyShort, declared, fields.size(), headBytes,
                d.mustRefuse, expected, out.toByteArray());
    }

    /**
     * Sends one request from the given loopback address and reads the answer, interim ones first. With
     * {@code followUp}: a {@code Connection: close} answer must close within {@value #CLOSE_WITHIN_MILLIS} ms; after
     * any other error answer, the connection must answer a next request ({@code GET /livez}).
     */
    private Exchange exchange(String source, byte[] request, boolean headRequest, boolean followUp) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(source), 0)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedWhileWriting) {
                // The server may answer and close before it has read everything (a head over the limit): read the answer.
            }
            InputStream in = socket.getInputStream();
            List<Integer> interim = new ArrayList<>();
            RawHttp.Response response = RawHttp.read(in, headRequest);
            while (response.status() < 200) {
                interim.add(response.status());
                response = RawHttp.read(in, headRequest);
            }
            if (!followUp) {
                return new Exchange(interim, response, false, 0);
            }
            if ("close".equalsIgnoreCase(response.header("Connection"))) {
                socket.setSoTimeout(CLOSE_WITHIN_MILLIS);
                return new Exchange(interim, response, RawHttp.closesWithin(in), 0);
            }
            if (response.status() < 400) {
                return new Exchange(interim, response, false, 0);
            }
            int next;
            try {
                out.write(RawHttp.bytes("GET /livez HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
                out.flush();
                next = RawHttp.read(in, false).status();
            } catch (IOException noAnswer) {
                next = -1;
            }
            return new Exchange(interim, response, false, next);
        }
    }

    /** A loopback address per request (the rate limiter keys anonymous callers by address): 127.0.{block}.1 to .250. */
    private static String source(int block, int index) {
        return "127.0." + block + "." + (1 + index % 250);
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(data);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toByteArray();
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
        return abbreviate(text, 60);
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "null";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
