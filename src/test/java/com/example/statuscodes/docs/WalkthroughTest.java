package com.example.statuscodes.docs;

import com.example.statuscodes.errors.ProblemType;
import com.example.statuscodes.errors.RequestId;
import com.example.statuscodes.support.MovableClock;
import com.jayway.jsonpath.JsonPath;
import com.example.statuscodes.ratelimit.RateLimitProperties;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.restdocs.test.autoconfigure.AutoConfigureRestDocs;
import org.springframework.boot.restdocs.test.autoconfigure.RestDocsMockMvcConfigurationCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.restdocs.operation.OperationRequest;
import org.springframework.restdocs.operation.OperationRequestFactory;
import org.springframework.restdocs.operation.OperationResponse;
import org.springframework.restdocs.operation.OperationResponseFactory;
import org.springframework.restdocs.operation.preprocess.OperationPreprocessor;
import org.springframework.restdocs.operation.preprocess.OperationPreprocessorAdapter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.restdocs.http.HttpDocumentation.httpRequest;
import static org.springframework.restdocs.http.HttpDocumentation.httpResponse;
import static org.springframework.restdocs.mockmvc.MockMvcRestDocumentation.document;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.modifyHeaders;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessRequest;
import static org.springframework.restdocs.operation.preprocess.Preprocessors.preprocessResponse;

/**
 * The walkthrough ({@code src/docs/asciidoc/index.adoc}): its requests, sent in the page's order as one story, each
 * answer recorded as a Spring REST Docs snippet ({@code target/generated-snippets/<id>/}) that the page includes.
 * Asciidoctor renders the page into the jar at {@code prepare-package} ({@code /docs/}), and the last test renders it
 * as Markdown and compares that with {@code docs/walkthrough.md}: neither has an answer typed by hand.
 * <p>
 * A story, so the steps run in order and build on each other (Alice's PATCH makes the ETag the 304 shows). Its own
 * context: the spec's runs without the rate limiter, and this page shows the limits the app ships with, on every
 * answer. Its own database and clocks that stand still, so each id, ETag, date, token and RateLimit figure is the same
 * on every run. Prose claims that come from this story (how many attempts before a 429) are asserted here; the rules
 * themselves are the spec's.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:walkthrough;DB_CLOSE_DELAY=-1",
        "app.rate-limit.enabled=true"}) // on in the app, off in the test profile
@AutoConfigureMockMvc
@AutoConfigureRestDocs
@ActiveProfiles("test")
@Import(WalkthroughTest.StillClocks.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("The walkthrough: every answer recorded, /docs/ and docs/walkthrough.md rendered from them")
class WalkthroughTest {

    static final Path PAGE = Path.of("src/docs/asciidoc/index.adoc");
    static final Path MARKDOWN = Path.of("docs/walkthrough.md");
    static final Path SNIPPETS = Path.of("target/generated-snippets");
    static final Path RENDERED = Path.of("target/walkthrough.md");
    static final String WRITE = "walkthrough.write";
    static final String REGENERATE = "./mvnw test -Dtest=WalkthroughTest -D" + WRITE + "=true";

    /** Spring Security's headers on the answers that pass its chain: shown on the first answer, left out where all six recur. */
    static final Map<String, String> SECURITY_HEADERS = securityHeaders();
    /** Bodies longer than this are cut short on the page (the 413's upload), saying so. */
    static final int LONGEST_BODY = 1000;

    @TestConfiguration(proxyBeanMethods = false)
    static class StillClocks {

        /** Every createdAt and token's iat/exp; the app's only source of time ({@code ClockConfig}). */
        @Bean
        @Primary
        Clock stillClock() {
            return Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
        }

        /** The rate limiter's clock: no bucket refills while the story runs, so r and t depend on the story alone. */
        @Bean
        @Primary
        MovableClock stillRateLimitClock() {
            return new MovableClock();
        }

        /**
         * The app's bucket store (ratelimit.RateLimitConfig), but the cache's expiry on the still clock too: it drops a
         * bucket once it would be full again, timed by Caffeine's own clock, and a bucket forgotten in the middle of the
         * story would start again at r=99, or not, depending on how fast the machine runs the story.
         */
        @Bean
        @Primary
        CaffeineProxyManager<String> stillBuckets(RateLimitProperties properties, MovableClock stillRateLimitClock) {
            Caffeine<Object, Object> cache = Caffeine.newBuilder()
                    .maximumSize(properties.maxClients())
                    .executor(Runnable::run)
                    .ticker(stillRateLimitClock::currentTimeNanos);
            return Bucket4jCaffeine.<String>builderFor(cache)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                    .clientClock(stillRateLimitClock)
                    .build();
        }

        /** The exchange as HTTP, nothing else (no curl, HTTPie or body-only snippets). */
        @Bean
        RestDocsMockMvcConfigurationCustomizer httpSnippetsOnly() {
            return configurer -> configurer.snippets().withDefaults(httpRequest(), httpResponse());
        }
    }

    /** Ids documented in this run, in story order: the page must include exactly these. */
    private static final Set<String> DOCUMENTED = new LinkedHashSet<>();
    /** Token → the name the page shows for it ({@code $TOKEN}, {@code $ADMIN}). */
    private static final Map<String, String> PLACEHOLDERS = new LinkedHashMap<>();

    private static String alice;
    private static String admin;
    /** The Content-Type of the request being recorded, as sent. */
    private String sentContentType;

    @Autowired
    MockMvcTester mvc;

    // ---- the story, in the page's order ------------------------------------------------------------------------

    @Test
    @Order(1)
    void log_in() throws Exception {
        alice = logIn("log-in-alice", "alice@example.com", "alice-password", "$TOKEN");
        admin = logIn("log-in-admin", "admin@example.com", "admin-password", "$ADMIN");
    }

    @Test
    @Order(200)
    void status_200() {
        assertThat(show("200-get-user", mvc.get().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, alice)))
                .hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"0\"");
        assertThat(show("200-patch-user", mvc.patch().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, alice)
                .contentType("application/merge-patch+json").content(bytes("{\"age\":32}"))))
                .hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat(show("200-list-users", mvc.get().uri("/api/users?page=0&size=2&sort=email,asc")
                .header(HttpHeaders.AUTHORIZATION, alice)))
                .hasStatusOk();
    }

    @Test
    @Order(201)
    void status_201() {
        assertThat(show("201-sign-up", mvc.post().uri("/api/users").contentType("application/json").content(bytes(
                "{\"email\":\"new.user@example.com\",\"name\":\"New User\",\"age\":28,\"password\":\"new-user-password\"}"))))
                .hasStatus(HttpStatus.CREATED).hasHeader(HttpHeaders.LOCATION, "/api/users/6");
    }

    @Test
    @Order(204)
    void status_204() {
        assertThat(show("204-delete-user", mvc.delete().uri("/api/users/6").header(HttpHeaders.AUTHORIZATION, admin)))
                .hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    @Order(304)
    void status_304() {
        assertThat(show("304-not-modified", mvc.get().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, alice)
                .header(HttpHeaders.IF_NONE_MATCH, "\"1\"")))
                .hasStatus(HttpStatus.NOT_MODIFIED);
    }

    @Test
    @Order(400)
    void status_400() {
        assertThat(show("400-invalid-json", mvc.post().uri("/api/users").contentType("application/json")
                .content(bytes("{invalid json}"))))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(show("400-wrong-type", mvc.post().uri("/api/users").contentType("application/json")
                .content(bytes("{\"email\":\"a@example.com\",\"age\":\"ten\"}"))))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(show("400-bad-id", mvc.get().uri("/api/users/abc").header(HttpHeaders.AUTHORIZATION, alice)))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(show("400-bad-size", mvc.get().uri("/api/users?size=500").header(HttpHeaders.AUTHORIZATION, alice)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    @Order(401)
    void status_401() {
        assertThat(show("401-no-token", mvc.get().uri("/api/me"))).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(show("401-bad-token", mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @Order(403)
    void status_403() {
        assertThat(show("403-not-an-admin", mvc.delete().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, alice)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(show("403-not-your-account", mvc.delete().uri("/api/users/2").header(HttpHeaders.AUTHORIZATION, alice)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    @Order(404)
    void status_404() {
        assertThat(show("404-no-such-user", mvc.get().uri("/api/users/999999").header(HttpHeaders.AUTHORIZATION, alice)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(show("404-no-such-route", mvc.get().uri("/api/nowhere").header(HttpHeaders.AUTHORIZATION, alice)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(405)
    void status_405() {
        assertThat(show("405-post-to-a-user", mvc.post().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, alice)))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
                .hasHeader(HttpHeaders.ALLOW, "GET, HEAD, PATCH, PUT, DELETE, OPTIONS");
    }

    @Test
    @Order(406)
    void status_406() {
        assertThat(show("406-accept-xml", mvc.get().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, alice)
                .header(HttpHeaders.ACCEPT, "application/xml")))
                .hasStatus(HttpStatus.NOT_ACCEPTABLE);
    }

    @Test
    @Order(409)
    void status_409() {
        assertThat(show("409-email-taken", mvc.post().uri("/api/users").contentType("application/json")
                .content(bytes("{\"email\":\"alice@example.com\"}"))))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    @Order(412)
    void status_412() {
        assertThat(show("412-stale-if-match", mvc.put().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, alice)
                .header(HttpHeaders.IF_MATCH, "\"0\"").contentType("application/json")
                .content(bytes("{\"email\":\"alice@example.com\",\"name\":\"Alice\",\"age\":33}"))))
                .hasStatus(HttpStatus.PRECONDITION_FAILED);
    }

    @Test
    @Order(413)
    void status_413() {
        MvcTestResult tooLarge = show("413-body-too-large", mvc.post().uri("/api/users").contentType("application/json")
                .content(bytes("{\"name\":\"" + "x".repeat(1_100_000) + "\"}")));
        // The page says the size guard answers before the security chain and the limiter: neither adds a header.
        assertThat(tooLarge).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .doesNotContainHeader("RateLimit").doesNotContainHeader("X-Frame-Options");
    }

    @Test
    @Order(415)
    void status_415() {
        assertThat(show("415-json-for-a-patch", mvc.patch().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, alice)
                .contentType("application/json").content(bytes("{\"age\":33}"))))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    @Order(422)
    void status_422() {
        assertThat(show("422-invalid-fields", mvc.post().uri("/api/users").contentType("application/json")
                .content(bytes("{\"email\":\"not-an-email\",\"age\":-5}"))))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    @Order(428)
    void status_428() {
        assertThat(show("428-require-if-match", mvc.put().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType("application/json")
                .content(bytes("{\"signupsEnabled\":true,\"defaultPageSize\":20,\"requireIfMatch\":true}"))))
                .hasStatusOk();
        assertThat(show("428-put-without-if-match", mvc.put().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, alice)
                .contentType("application/json").content(bytes("{\"email\":\"alice@example.com\",\"name\":\"Alice\",\"age\":33}"))))
                .hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(show("428-reset-settings", mvc.delete().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, admin)))
                .hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    @Order(429)
    void status_429() {
        // The page: five wrong passwords for Alice are 401s, the sixth is the account's 429, with two attempts
        // left to this address (the two log-ins above count too); two more spend them, and the next is the address's.
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(logInAttempt("alice@example.com", "wrong-password")).hasStatus(HttpStatus.UNAUTHORIZED);
        }
        assertThat(show("429-account-limit", logInRequest("alice@example.com", "wrong-password")))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .hasHeader(HttpHeaders.RETRY_AFTER, "60").hasHeader("RateLimit", "\"login-account\";r=0;t=60");
        assertThat(logInAttempt("bob@example.com", "wrong-password")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(logInAttempt("carol@example.com", "wrong-password")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(show("429-address-limit", logInRequest("dave@example.com", "wrong-password")))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasHeader(HttpHeaders.RETRY_AFTER, "6");
    }

    @Test
    @Order(500)
    void status_500() {
        // The stack trace the page says is logged would fill the build's output; Status500InternalServerErrorTest checks it.
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel("com.example.statuscodes.errors.Problems", LogLevel.OFF);
        try {
            assertThat(show("500-server-error", mvc.get().uri("/api/demo/server-error").header(HttpHeaders.AUTHORIZATION, alice)))
                    .hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        } finally {
            logging.setLogLevel("com.example.statuscodes.errors.Problems", null);
        }
    }

    // ---- the renderings ----------------------------------------------------------------------------------------

    @Test
    @Order(10_000)
    void the_page_includes_every_recorded_answer_and_only_those() throws IOException {
        Set<String> included = new LinkedHashSet<>();
        render().includes().forEach(include -> included.add(include.id() + "/" + include.snippet()));
        Set<String> recorded = new LinkedHashSet<>();
        DOCUMENTED.forEach(id -> {
            recorded.add(id + "/http-request");
            recorded.add(id + "/http-response");
        });
        assertThat(included).as("snippets %s includes (left) against those this run recorded (right); run the whole class",
                PAGE).containsExactlyElementsOf(recorded);
    }

    @Test
    @Order(10_001)
    void docs_walkthrough_md_is_the_page_rendered_as_markdown() throws IOException {
        String rendered = render().markdown();
        Files.writeString(RENDERED, rendered); // to diff against when the check below fails
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(MARKDOWN, rendered);
        }
        String committed = Files.readString(MARKDOWN).replace("\r\n", "\n");
        if (!committed.equals(rendered)) {
            fail("%s is not the rendering of %s with this run's answers (first difference: %s).%nRegenerate it with%n"
                            + "    %s%nand commit it (the rendering is also in %s).",
                    MARKDOWN, PAGE, firstDifference(committed, rendered), REGENERATE, RENDERED);
        }
    }

    /** ProblemTypePages links each type to the sections that show it; each must exist and show an answer of that type. */
    @Test
    @Order(10_002)
    void every_problem_type_page_links_to_sections_of_the_page_that_show_its_type() throws Exception {
        Map<String, List<AsciidocToMarkdown.Include>> sections = render().sections();
        for (ProblemType type : ProblemType.values()) {
            String html = mvc.get().uri(type.uri().toString()).exchange().getResponse().getContentAsString();
            Matcher link = Pattern.compile("href=\"/docs/#([a-z0-9-]+)\"").matcher(html);
            List<String> targets = new ArrayList<>();
            while (link.find()) {
                targets.add(link.group(1));
            }
            assertThat(targets).as("links from %s to the walkthrough", type.uri()).isNotEmpty();
            for (String target : targets) {
                assertThat(sections).as("sections of %s", PAGE).containsKey(target);
                assertThat(sections.get(target).stream().filter(include -> include.snippet().equals("http-response"))
                        .map(include -> snippetText(include.id(), include.snippet())))
                        .as("answers in section %s, linked from %s", target, type.uri())
                        .anyMatch(answer -> answer.contains("\"type\":\"" + type.uri() + "\""));
            }
        }
    }

    /**
     * /docs/ is open to anyone. What it shows depends on the build: the page once prepare-package has rendered it into
     * target/classes, until then a 404 that says how to get it (openapi.GuidePage; both answers: GuidePageTest).
     */
    @Test
    @Order(10_003)
    void docs_is_served_without_a_token() throws Exception {
        boolean rendered = new ClassPathResource("static/docs/index.html").exists();
        for (String path : List.of("/docs/", "/docs")) {
            MvcTestResult page = mvc.get().uri(path).accept(MediaType.TEXT_HTML).exchange();
            if (rendered) {
                assertThat(page).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
                        .bodyText().contains("id=\"status-429\"");
            } else {
                assertProblem(page, HttpStatus.NOT_FOUND, "The guide at /docs/ is built by ./mvnw package, from the"
                        + " answers the tests record; this server was started without it. Read docs/walkthrough.md instead.");
            }
        }
    }

    // ---- recording ---------------------------------------------------------------------------------------------

    /** Sends the request with its id as X-Request-Id, and records the exchange as snippets under that id. */
    private MvcTestResult show(String id, MockMvcTester.MockMvcRequestBuilder request) {
        return record(id, send(id, request));
    }

    private MvcTestResult send(String id, MockMvcTester.MockMvcRequestBuilder request) {
        assertThat(DOCUMENTED).as("ids already recorded").doesNotContain(id);
        sentContentType = null;
        return request.header(RequestId.HEADER, id).with(built -> {
            sentContentType = built.getContentType(); // before any filter: as the client sent it
            return built;
        }).exchange();
    }

    private MvcTestResult record(String id, MvcTestResult result) {
        Map<String, String> security = new LinkedHashMap<>();
        SECURITY_HEADERS.keySet().forEach(name -> {
            if (result.getResponse().containsHeader(name)) {
                security.put(name, result.getResponse().getHeader(name));
            }
        });
        // Left out only where all six are there, exactly as the first answer shows them; otherwise shown as they are.
        boolean leaveOut = !DOCUMENTED.isEmpty() && security.equals(SECURITY_HEADERS);
        OperationPreprocessor securityHeaders = leaveOut
                ? modifyHeaders().removeMatching(String.join("|", SECURITY_HEADERS.keySet())) : new Unchanged();
        assertThat(result).apply(document(id,
                preprocessRequest(new Placeholders(), new CutShort(), contentTypeAsSent()),
                preprocessResponse(new Placeholders(), new CutShort(), securityHeaders)));
        DOCUMENTED.add(id);
        return result;
    }

    /**
     * Boot's CharacterEncodingFilter sets every request's encoding, and a MockHttpServletRequest then adds
     * {@code ;charset=UTF-8} to its Content-Type header, which a servlet container's request does not: show it as sent.
     */
    private OperationPreprocessor contentTypeAsSent() {
        return sentContentType == null ? new Unchanged() : modifyHeaders().set(HttpHeaders.CONTENT_TYPE, sentContentType);
    }

    private String logIn(String id, String email, String password, String placeholder) throws UnsupportedEncodingException {
        MvcTestResult result = send(id, logInRequest(email, password));
        assertThat(result).hasStatusOk();
        String token = JsonPath.read(result.getResponse().getContentAsString(), "$.access_token");
        PLACEHOLDERS.put(token, placeholder);
        record(id, result);
        return "Bearer " + token;
    }

    private MockMvcTester.MockMvcRequestBuilder logInRequest(String email, String password) {
        return mvc.post().uri("/api/auth/token").contentType("application/json")
                .content(bytes("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password)));
    }

    /** A step the page tells of without showing it. */
    private MvcTestResult logInAttempt(String email, String password) {
        return logInRequest(email, password).exchange();
    }

    /** The body as sent: bytes, so that MockMvc adds no charset to the Content-Type (curl does not either). */
    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private AsciidocToMarkdown.Rendering render() throws IOException {
        return new AsciidocToMarkdown(SNIPPETS).render(Files.readString(PAGE), "<!-- Generated from " + PAGE
                + " and the answers WalkthroughTest records; edit those, then: " + REGENERATE + " -->");
    }

    private static String snippetText(String id, String snippet) {
        try {
            return Files.readString(SNIPPETS.resolve(id).resolve(snippet + ".adoc"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstDifference(String committed, String rendered) {
        List<String> was = committed.lines().toList();
        List<String> is = rendered.lines().toList();
        for (int i = 0; i < Math.max(was.size(), is.size()); i++) {
            String a = i < was.size() ? was.get(i) : "(end of file)";
            String b = i < is.size() ? is.get(i) : "(end of file)";
            if (!a.equals(b)) {
                return "line " + (i + 1) + " is \"" + a + "\", should be \"" + b + "\"";
            }
        }
        return "line endings";
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-XSS-Protection", "0");
        headers.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        headers.put("Pragma", "no-cache");
        headers.put("Expires", "0");
        headers.put("X-Frame-Options", "DENY");
        return headers;
    }

    private static final class Unchanged extends OperationPreprocessorAdapter {
    }

    /**
     * Each token as its name, in headers and bodies: a token is a long string that says nothing to a reader, and the
     * page's curl commands use the names. Headers stay as sent (a Content-Length is the real one).
     */
    private static final class Placeholders extends OperationPreprocessorAdapter {

        private static final OperationRequestFactory REQUESTS = new OperationRequestFactory();
        private static final OperationResponseFactory RESPONSES = new OperationResponseFactory();

        @Override
        public OperationRequest preprocess(OperationRequest request) {
            return REQUESTS.createFrom(REQUESTS.createFrom(request, replace(request.getContentAsString()).getBytes(StandardCharsets.UTF_8)),
                    replace(request.getHeaders()));
        }

        @Override
        public OperationResponse preprocess(OperationResponse response) {
            return RESPONSES.createFrom(RESPONSES.createFrom(response, replace(response.getContentAsString()).getBytes(StandardCharsets.UTF_8)),
                    replace(response.getHeaders()));
        }

        private static HttpHeaders replace(HttpHeaders headers) {
            HttpHeaders replaced = new HttpHeaders();
            headers.forEach((name, values) -> values.forEach(value -> replaced.add(name, replace(value))));
            return replaced;
        }

        private static String replace(String text) {
            String replaced = text;
            for (Map.Entry<String, String> token : PLACEHOLDERS.entrySet()) {
                replaced = replaced.replace(token.getKey(), token.getValue());
            }
            return replaced;
        }
    }

    /** A body over {@link #LONGEST_BODY} bytes as its beginning and its real size; headers (Content-Length) as sent. */
    private static final class CutShort extends OperationPreprocessorAdapter {

        private static final OperationRequestFactory REQUESTS = new OperationRequestFactory();
        private static final OperationResponseFactory RESPONSES = new OperationResponseFactory();

        @Override
        public OperationRequest preprocess(OperationRequest request) {
            byte[] content = request.getContent();
            return content.length <= LONGEST_BODY ? request
                    : REQUESTS.createFrom(REQUESTS.createFrom(request, shortened(content)), request.getHeaders());
        }

        @Override
        public OperationResponse preprocess(OperationResponse response) {
            byte[] content = response.getContent();
            return content.length <= LONGEST_BODY ? response
                    : RESPONSES.createFrom(RESPONSES.createFrom(response, shortened(content)), response.getHeaders());
        }

        private static byte[] shortened(byte[] content) {
            return (new String(content, 0, 40, StandardCharsets.UTF_8) + "… (" + content.length
                    + " bytes in all, cut short on this page)").getBytes(StandardCharsets.UTF_8);
        }
    }
}
