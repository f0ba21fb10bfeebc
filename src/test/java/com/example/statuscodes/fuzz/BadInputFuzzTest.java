package com.example.statuscodes.fuzz;

import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.support.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Bad input never gives a 5xx: 600 generated requests (method × path × content type × body × credentials ×
 * Accept), from a fixed seed so a failure can be replayed, through the whole stack. Every 4xx must be
 * problem+json. A failure lists the requests that caused it. Runs on its own in-memory database, because
 * the generated requests delete and change data.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:fuzz;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({Tokens.class, TestUsers.class})
@DisplayName("Bad input never gives a 5xx")
class BadInputFuzzTest {

    private static final long SEED = 20261127L;
    private static final int REQUESTS = 600;

    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};

    private static final String[] PATHS = {
            "/api/users", "/api/users/1", "/api/users/2", "/api/users/999999", "/api/users/abc", "/api/users/-1",
            "/api/users/0", "/api/users/99999999999999999999", "/api/users/1.5", "/api/users/1;x=y",
            "/api/users/1%2F2", "/api/users/..%2F..%2Fetc%2Fpasswd", "/api/users/%00", "/api/users/%25ZZ",
            "/api/users/../admin/settings", "/api/users/%2e%2e/admin", "/api/me", "/api/me/", "/api/admin/settings",
            "/api/auth/token", "/api/nowhere", "/api/demo", "/actuator/health", "/actuator/env", "/error",
            "/api/users?page=-5&size=1000&sort=password", "/api/users?sort=email,sideways",
            "/api/users?unknown=1&page=1", "/api/users?page=99999999999", "/api/users?size=", "/api/users?sort=",
            "/api/users?sort=,,,&sort=id,desc,ignorecase", "/api/users?page=1e3", "/api/users?size=%00",
            "/api/users/%F0%9F%92%A9", "/api/users/\u00e9", "/api/" + "a".repeat(5_000)};

    private static final String[] CONTENT_TYPES = {
            null, "application/json", "application/merge-patch+json", "text/plain", "application/xml",
            "multipart/form-data; boundary=x", "application/json;charset=ISO-8859-1", "garbage/!!", "",
            "application/x-www-form-urlencoded", "application/json;charset=nonsense", "application/yaml"};

    private static final String[] ACCEPTS = {
            null, "application/json", "application/xml", "*/*", "text/html", "garbage", "application/problem+json",
            "application/json;q=0", ""};

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    Tokens tokens;

    @Test
    void six_hundred_bad_requests_give_no_5xx_and_only_problem_json_errors() {
        Random random = new Random(SEED);
        List<Supplier<String>> credentials = credentials();
        List<byte[]> bodies = bodies();
        List<String> failures = new ArrayList<>();

        for (int i = 0; i < REQUESTS; i++) {
            String method = pick(random, METHODS);
            String path = pick(random, PATHS);
            String contentType = pick(random, CONTENT_TYPES);
            String accept = pick(random, ACCEPTS);
            byte[] body = bodies.get(random.nextInt(bodies.size()));
            String authorization = credentials.get(random.nextInt(credentials.size())).get();
            String description = "#%d %s %s Content-Type=%s Accept=%s Authorization=%s body=%s".formatted(i, method,
                    abbreviate(path), contentType, accept, abbreviate(authorization), abbreviate(new String(body, StandardCharsets.UTF_8)));
            try {
                MockHttpServletRequestBuilder request = request(method, URI.create(encodeSpaces(path))).content(body);
                if (contentType != null) {
                    request.header(HttpHeaders.CONTENT_TYPE, contentType);
                }
                if (accept != null) {
                    request.header(HttpHeaders.ACCEPT, accept);
                }
                if (authorization != null) {
                    request.header(HttpHeaders.AUTHORIZATION, authorization);
                }
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                int status = response.getStatus();
                if (status >= 500) {
                    failures.add(status + " for " + description + " → " + abbreviate(response.getContentAsString()));
                } else if (status >= 400 && !"HEAD".equals(method) && !isProblemJson(response.getContentType())) {
                    failures.add(status + " without problem+json (" + response.getContentType() + ") for " + description);
                }
            } catch (Exception | StackOverflowError thrown) {
                failures.add("exception " + thrown + " for " + description);
            }
        }
        assertThat(failures).as("requests that broke the rules (seed %d)", SEED).isEmpty();
    }

    private static boolean isProblemJson(String contentType) {
        return contentType != null && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private List<Supplier<String>> credentials() {
        long alice = users.aliceId();
        long admin = users.adminId();
        return List.of(
                () -> null,
                users::alice,
                users::admin,
                () -> "Bearer garbage",
                () -> "Bearer " + "x".repeat(10_000),
                () -> "Bearer " + tokens.unsignedAlgNone(admin),
                () -> "Bearer " + tokens.expired(alice),
                () -> "Bearer " + tokens.tamperedToAdmin(alice),
                () -> "Bearer " + tokens.signedWithAnotherKey(admin),
                () -> "Bearer",
                () -> "bearer  a b c",
                () -> "Basic YWxpY2VAZXhhbXBsZS5jb206YWxpY2UtcGFzc3dvcmQ=",
                () -> "Bearer \u00e9\u00e9\u00e9");
    }

    private static List<byte[]> bodies() {
        List<String> json = List.of(
                "", "{", "}", "{\"email\":", "null", "[]", "\"string\"", "42", "true", "{\"email\": null}",
                "{\"email\": 123}", "{\"email\": [\"a@b.c\"]}", "{\"email\": {\"$ne\": null}}", "{\"age\": \"ten\"}",
                "{\"age\": 1e400}", "{\"age\": -99999999999999999999}", "{\"age\": 1.5}", "{\"age\": NaN}",
                "{\"email\": \"a@b.c\", \"age\": " + "9".repeat(5_000) + "}",
                "{\"name\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}",
                "{\"email\": \"fuzz@example.com\", \"name\": \"" + "x".repeat(100_000) + "\"}",
                "{\"email\": \"\\ud800@example.com\"}", "{\"name\": \"\\udfff\\ud800\"}", "{\"email\": \"nul\\u0000@example.com\"}",
                "{\"email\": \"fuzz-pw@example.com\", \"password\": \"" + "\u00e9".repeat(100) + "\"}",
                "{\"email\": \"fuzz-ok@example.com\", \"password\": \"long-enough\", \"age\": 30}",
                "{\"email\": \"alice@example.com\", \"password\": \"alice-password\"}",
                "{\"email\": \"admin@example.com\", \"role\": \"ADMIN\"}", "{\"role\": \"ROOT\"}", "{\"role\": null}",
                "{\"signupsEnabled\": \"maybe\", \"defaultPageSize\": 5}", "{\"signupsEnabled\": true, \"defaultPageSize\": 0}",
                "{\"signupsEnabled\": true, \"defaultPageSize\": 100}", "{\"email\": \"a@b.c\", \"email\": \"d@e.f\"}",
                "\ufeff{\"email\": \"bom@example.com\"}", "{\"email\": \"a@b.c\"} trailing", "{'email': 'single@quotes'}",
                "{\"__proto__\": {\"admin\": true}}", "../../etc/passwd", "<xml/>", "email=a@b.c&age=3");
        List<byte[]> bodies = new ArrayList<>();
        json.forEach(text -> bodies.add(text.getBytes(StandardCharsets.UTF_8)));
        bodies.add(new byte[]{'{', '"', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}); // raw lone surrogate
        bodies.add(new byte[]{0, 0, 0, 0});
        bodies.add(new byte[]{(byte) 0xFF, (byte) 0xFE, '{', '}'});
        StringBuilder manyKeys = new StringBuilder("{");
        for (int key = 0; key < 20_000; key++) {
            manyKeys.append("\"k").append(key).append("\": ").append(key).append(',');
        }
        bodies.add(manyKeys.append("\"email\": \"keys@example.com\"}").toString().getBytes(StandardCharsets.UTF_8));
        return bodies;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String encodeSpaces(String path) {
        return path.replace(" ", "%20").replace("\u00e9", "%C3%A9");
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 80 ? text : text.substring(0, 80) + "…(" + text.length() + " chars)";
    }
}
