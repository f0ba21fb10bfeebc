package com.example.statuscodes.spec;

import com.example.statuscodes.admin.AdminSettingsStore;
import com.example.statuscodes.errors.RequestId;
import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.time.Duration;

import static com.example.statuscodes.support.Problem.assertProblem;
import static com.example.statuscodes.support.Writes.writeUser;
import static org.assertj.core.api.Assertions.assertThat;

/** The guide's success codes: 200 for reads and updates, 201 + Location for creation, 204 for deletion. */
@ApiTest
@DisplayName("2xx: the request succeeded")
class Status2xxSuccessTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    UserRepository repository;
    @Autowired
    AdminSettingsStore settings;

    @Nested
    @DisplayName("200 OK")
    class Ok {

        /** The whole answer, as a client sees it (createdAt as stored; the version travels as the ETag). */
        @Test
        void get_user_returns_200_with_exactly_this_body() {
            User user = repository.findById(users.create("example-200").getId()).orElseThrow();
            assertThat(mvc.get().uri("/api/users/{id}", user.getId())
                    .header(HttpHeaders.AUTHORIZATION, users.tokenFor(user)).header(RequestId.HEADER, "example-200"))
                    .hasStatusOk()
                    .hasContentType(MediaType.APPLICATION_JSON)
                    .hasHeader(HttpHeaders.ETAG, "\"0\"")
                    .hasHeader(RequestId.HEADER, "example-200")
                    .bodyJson().isStrictlyEqualTo("""
                            {"id": %d, "email": "%s", "name": "Test example-200", "age": 30, "role": "USER",
                             "createdAt": "%s"}
                            """.formatted(user.getId(), user.getEmail(), user.getCreatedAt()));
        }

        /**
         * HEAD wherever GET works (RFC 9110 §9.3.2), also where a security filter answers the GET itself: the RFC 9728
         * metadata. GET's status and headers, its length as Content-Length, no body.
         */
        @Test
        void head_on_the_protected_resource_metadata_returns_200_with_gets_headers_and_no_body() {
            MvcTestResult get = mvc.get().uri("/.well-known/oauth-protected-resource").exchange();
            assertThat(mvc.head().uri("/.well-known/oauth-protected-resource"))
                    .hasStatusOk()
                    .hasContentType(MediaType.APPLICATION_JSON)
                    .hasHeader(HttpHeaders.CONTENT_LENGTH,
                            Integer.toString(get.getResponse().getContentAsByteArray().length))
                    .body().isEmpty();
        }

        @Test
        void head_on_a_user_returns_200_with_the_etag_and_no_body() {
            MvcTestResult get = mvc.get().uri("/api/users/{id}", users.aliceId())
                    .header(HttpHeaders.AUTHORIZATION, users.alice()).exchange();
            assertThat(mvc.head().uri("/api/users/{id}", users.aliceId()).header(HttpHeaders.AUTHORIZATION, users.alice()))
                    .hasStatusOk()
                    .hasContentType(MediaType.APPLICATION_JSON)
                    .hasHeader(HttpHeaders.ETAG, get.getResponse().getHeader(HttpHeaders.ETAG))
                    .hasHeader(HttpHeaders.CONTENT_LENGTH,
                            Integer.toString(get.getResponse().getContentAsByteArray().length))
                    .body().isEmpty();
        }

        @Test
        void get_user_returns_200_with_user_data() {
            long id = users.aliceId();
            assertThat(mvc.get().uri("/api/users/{id}", id).header(HttpHeaders.AUTHORIZATION, users.alice()))
                    .hasStatusOk()
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .bodyJson().isLenientlyEqualTo("""
                            {"id": %d, "email": "alice@example.com", "name": "Alice", "age": 31, "role": "USER"}
                            """.formatted(id));
        }

        @Test
        void get_user_never_shows_the_password_hash() {
            assertThat(mvc.get().uri("/api/users/{id}", users.aliceId()).header(HttpHeaders.AUTHORIZATION, users.alice()))
                    .hasStatusOk()
                    .bodyJson().doesNotHavePath("$.passwordHash").doesNotHavePath("$.version");
        }

        @Test
        void get_me_returns_200_with_the_callers_own_user() {
            assertThat(mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, users.alice()))
                    .hasStatusOk()
                    .bodyJson().extractingPath("$.email").isEqualTo("alice@example.com");
        }

        @Test
        void list_users_returns_200_with_a_stable_page_shape() {
            assertThat(mvc.get().uri("/api/users?page=0&size=2&sort=email,asc")
                    .header(HttpHeaders.AUTHORIZATION, users.alice()))
                    .hasStatusOk()
                    .bodyJson()
                    .hasPath("$.content[1]")
                    .doesNotHavePath("$.content[2]")
                    .hasPath("$.page.totalElements")
                    .hasPath("$.page.totalPages")
                    .isLenientlyEqualTo("""
                            {"page": {"size": 2, "number": 0}}
                            """);
        }

        @Test
        void list_users_sorts_by_the_requested_property_and_direction() {
            MvcTestResult result = mvc.get().uri("/api/users?size=100&sort=email,desc")
                    .header(HttpHeaders.AUTHORIZATION, users.alice()).exchange();
            assertThat(result).hasStatusOk().bodyJson().extractingPath("$.content[*].email").asArray()
                    .isSortedAccordingTo((a, b) -> ((String) b).compareTo((String) a));
        }

        @Test
        void put_user_returns_200_with_the_replaced_user() {
            User user = users.create("put");
            String email = TestUsers.uniqueEmail("replaced");
            assertThat(writeUser(mvc, HttpMethod.PUT, user.getId(), users.tokenFor(user),
                    "{\"email\": \"%s\", \"age\": 40}".formatted(email.toUpperCase())))
                    .hasStatusOk()
                    .bodyJson().isLenientlyEqualTo("""
                            {"id": %d, "email": "%s", "name": null, "age": 40, "role": "USER"}
                            """.formatted(user.getId(), email));
        }

        @Test
        void patch_user_with_merge_patch_keeps_absent_fields_and_clears_null_ones() {
            User user = users.create("patch");
            assertThat(writeUser(mvc, HttpMethod.PATCH, user.getId(), users.tokenFor(user),
                    "{\"name\": null, \"age\": 41}"))
                    .hasStatusOk()
                    .bodyJson().isLenientlyEqualTo("""
                            {"id": %d, "email": "%s", "name": null, "age": 41, "role": "USER"}
                            """.formatted(user.getId(), user.getEmail()));
        }

        @Test
        void admin_may_change_a_users_role() {
            User user = users.create("promoted");
            assertThat(writeUser(mvc, HttpMethod.PATCH, user.getId(), users.admin(), "{\"role\": \"ADMIN\"}"))
                    .hasStatusOk()
                    .bodyJson().extractingPath("$.role").isEqualTo("ADMIN");
        }
    }

    @Nested
    @DisplayName("200 OK: health and metrics on the API's port")
    class Operations {

        @ParameterizedTest
        @ValueSource(strings = {"/livez", "/readyz", "/actuator/health/liveness", "/actuator/health/readiness"})
        void liveness_and_readiness_answer_200_up_without_a_token(String path) {
            assertThat(mvc.get().uri(path))
                    .hasStatusOk()
                    .hasContentType("application/vnd.spring-boot.actuator.v3+json")
                    .bodyJson().isStrictlyEqualTo("{\"status\": \"UP\"}");
        }

        @Test
        void health_answers_200_up_without_a_token_and_names_its_probes_only() {
            assertThat(mvc.get().uri("/actuator/health"))
                    .hasStatusOk()
                    .hasContentType("application/vnd.spring-boot.actuator.v3+json")
                    .bodyJson().isStrictlyEqualTo("{\"status\": \"UP\", \"groups\": [\"liveness\", \"readiness\"]}");
        }

        @Test
        void prometheus_scrape_as_admin_returns_200_with_the_answers_by_status() {
            mvc.get().uri("/api/nowhere").exchange(); // an anonymous 401, counted by the time MockMvc returns
            assertThat(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, users.admin()))
                    .hasStatusOk()
                    .hasContentType("text/plain;version=0.0.4;charset=utf-8")
                    .bodyText().containsPattern(
                            "http_server_requests_seconds_count\\{.*method=\"GET\".*status=\"401\".*uri=\"UNKNOWN\"}");
        }
    }

    @Nested
    @DisplayName("201 Created")
    class Created {

        /** The whole answer, as a client sees it: where the new user lives, its version, and the user. */
        @Test
        void post_user_returns_201_with_exactly_this_body_and_location() throws Exception {
            String email = TestUsers.uniqueEmail("example-201");
            MvcTestResult result = mvc.post().uri("/api/users").header(RequestId.HEADER, "example-201")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\", \"name\": \"New\", \"age\": 22}".formatted(email)).exchange();
            User created = repository.findByEmail(email).orElseThrow();
            // The answer carries the clock's reading to the nanosecond; the database keeps it rounded to the microsecond.
            String createdAt = JsonPath.read(result.getResponse().getContentAsString(), "$.createdAt");
            assertThat(Duration.between(created.getCreatedAt(), Instant.parse(createdAt)).abs())
                    .isLessThanOrEqualTo(Duration.ofNanos(500));
            assertThat(result)
                    .hasStatus(HttpStatus.CREATED)
                    .hasContentType(MediaType.APPLICATION_JSON)
                    .hasHeader(HttpHeaders.LOCATION, "/api/users/" + created.getId())
                    .hasHeader(HttpHeaders.ETAG, "\"0\"")
                    .hasHeader(RequestId.HEADER, "example-201")
                    .bodyJson().isStrictlyEqualTo("""
                            {"id": %d, "email": "%s", "name": "New", "age": 22, "role": "USER", "createdAt": "%s"}
                            """.formatted(created.getId(), email, createdAt));
        }

        @Test
        void post_user_returns_201_with_location_and_the_created_user() {
            String email = TestUsers.uniqueEmail("signup");
            MvcTestResult result = mvc.post().uri("/api/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\", \"name\": \"New\", \"age\": 22}".formatted(email))
                    .exchange();
            long id = repository.findByEmail(email).orElseThrow().getId();
            assertThat(result)
                    .hasStatus(HttpStatus.CREATED)
                    .hasHeader(HttpHeaders.LOCATION, "/api/users/" + id)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .bodyJson().isLenientlyEqualTo("""
                            {"id": %d, "email": "%s", "name": "New", "age": 22, "role": "USER"}
                            """.formatted(id, email));
        }

        /** 100 characters as a person counts them (and JSON Schema's maxLength), not 200 UTF-16 units. */
        @Test
        void post_name_of_100_emoji_returns_201_with_the_name() {
            String name = "\uD83D\uDE00".repeat(100);
            assertThat(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\", \"name\": \"%s\"}".formatted(TestUsers.uniqueEmail("emoji"), name)))
                    .hasStatus(HttpStatus.CREATED)
                    .hasContentType(MediaType.APPLICATION_JSON)
                    .bodyJson().extractingPath("$.name").isEqualTo(name);
        }

        @Test
        void post_user_stores_the_email_lower_cased() {
            String email = TestUsers.uniqueEmail("MixedCase");
            assertThat(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\"}".formatted(email.toUpperCase())))
                    .hasStatus(HttpStatus.CREATED)
                    .bodyJson().extractingPath("$.email").isEqualTo(email.toLowerCase());
        }
    }

    /**
     * A password set by sign-up, PUT or PATCH is the one that logs in (200 with a token for that account), and after a
     * change the old one no longer does (401). The edges of the rule are accepted: exactly 8 characters, exactly 72 bytes.
     */
    @Nested
    @DisplayName("a password that was set logs in")
    class PasswordFlows {

        private MvcTestResult login(String email, String password) {
            return mvc.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password)).exchange();
        }

        /** 200 with a bearer token, and that token is this account's. */
        private void assertLogsIn(String email, String password) throws Exception {
            MvcTestResult login = login(email, password);
            assertThat(login).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .bodyJson().isLenientlyEqualTo("{\"token_type\": \"Bearer\", \"expires_in\": 3600}");
            String token = JsonPath.read(login.getResponse().getContentAsString(), "$.access_token");
            assertThat(mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .hasStatusOk().bodyJson().extractingPath("$.email").isEqualTo(email);
        }

        private void assertRefused(String email, String password) {
            assertProblem(login(email, password), HttpStatus.UNAUTHORIZED, "Invalid email or password");
        }

        private MvcTestResult signUp(String email, String password) {
            return mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password)).exchange();
        }

        @Test
        void post_password_of_8_characters_returns_201_and_logs_in_with_it() throws Exception {
            String email = TestUsers.uniqueEmail("pw8");
            assertThat(signUp(email, "abcdefgh")).hasStatus(HttpStatus.CREATED)
                    .bodyJson().doesNotHavePath("$.password").doesNotHavePath("$.passwordHash");
            assertLogsIn(email, "abcdefgh");
            assertRefused(email, "abcdefgi");
        }

        @Test
        void post_password_of_72_bytes_returns_201_and_logs_in_with_it() throws Exception {
            String email = TestUsers.uniqueEmail("pw72");
            String password = "p".repeat(71) + "q";
            assertThat(signUp(email, password)).hasStatus(HttpStatus.CREATED);
            assertLogsIn(email, password);
            assertRefused(email, "p".repeat(72));
        }

        @Test
        void post_password_of_36_two_byte_characters_is_72_bytes_and_logs_in_with_it() throws Exception {
            String email = TestUsers.uniqueEmail("pw72utf8");
            assertThat(signUp(email, "é".repeat(36))).hasStatus(HttpStatus.CREATED);
            assertLogsIn(email, "é".repeat(36));
        }

        @Test
        void put_with_a_new_password_returns_200_then_the_new_one_logs_in_and_the_old_one_is_refused() throws Exception {
            String email = TestUsers.uniqueEmail("put-pw");
            assertThat(signUp(email, "old-password")).hasStatus(HttpStatus.CREATED);
            User user = repository.findByEmail(email).orElseThrow();

            assertThat(writeUser(mvc, HttpMethod.PUT, user.getId(), users.tokenFor(user),
                    "{\"email\": \"%s\", \"password\": \"new-password\"}".formatted(email)))
                    .hasStatusOk()
                    .bodyJson().doesNotHavePath("$.password").extractingPath("$.email").isEqualTo(email);
            assertLogsIn(email, "new-password");
            assertRefused(email, "old-password");
        }

        @Test
        void put_without_a_password_keeps_the_old_one() throws Exception {
            String email = TestUsers.uniqueEmail("put-keep-pw");
            assertThat(signUp(email, "kept-password")).hasStatus(HttpStatus.CREATED);
            User user = repository.findByEmail(email).orElseThrow();

            assertThat(writeUser(mvc, HttpMethod.PUT, user.getId(), users.tokenFor(user),
                    "{\"email\": \"%s\", \"name\": \"Kept\"}".formatted(email)))
                    .hasStatusOk();
            assertLogsIn(email, "kept-password");
        }

        @Test
        void patch_with_a_new_password_returns_200_then_the_new_one_logs_in_and_the_old_one_is_refused() throws Exception {
            String email = TestUsers.uniqueEmail("patch-pw");
            assertThat(signUp(email, "old-password")).hasStatus(HttpStatus.CREATED);
            User user = repository.findByEmail(email).orElseThrow();

            assertThat(writeUser(mvc, HttpMethod.PATCH, user.getId(), users.tokenFor(user),
                    "{\"password\": \"new-password\"}"))
                    .hasStatusOk()
                    .bodyJson().doesNotHavePath("$.password").extractingPath("$.email").isEqualTo(email);
            assertLogsIn(email, "new-password");
            assertRefused(email, "old-password");
        }
    }

    @Nested
    @DisplayName("204 No Content")
    class NoContent {

        /** The whole answer, as a client sees it: nothing but the status and the request id. */
        @Test
        void delete_user_returns_204_with_exactly_no_body() {
            User user = users.create("example-204");
            assertThat(writeUser(mvc, HttpMethod.DELETE, user.getId(), users.tokenFor(user), null)
                    .header(RequestId.HEADER, "example-204"))
                    .hasStatus(HttpStatus.NO_CONTENT)
                    .hasHeader(RequestId.HEADER, "example-204")
                    .doesNotContainHeader(HttpHeaders.CONTENT_TYPE)
                    .body().isEmpty();
        }

        @Test
        void delete_user_returns_204_with_no_body() {
            User user = users.create("delete");
            assertThat(mvc.delete().uri("/api/users/{id}", user.getId())
                    .header(HttpHeaders.AUTHORIZATION, users.tokenFor(user)))
                    .hasStatus(HttpStatus.NO_CONTENT)
                    .body().isEmpty();
            assertThat(repository.findById(user.getId())).isEmpty();
        }

        @Test
        void admin_may_delete_any_user() {
            User user = users.create("deleted-by-admin");
            assertThat(mvc.delete().uri("/api/users/{id}", user.getId())
                    .header(HttpHeaders.AUTHORIZATION, users.admin()))
                    .hasStatus(HttpStatus.NO_CONTENT);
        }
    }

    /**
     * JSON has no charset parameter (RFC 8259 §8.1: it is UTF-8), so a charset in {@code Accept} is ignored and the
     * answer is UTF-8 JSON. Were it honoured, the server would find out only after the write that it cannot encode
     * the answer: a change saved and a 500 returned, the one outcome a write must never have.
     */
    @Nested
    @DisplayName("a charset in Accept is ignored: a write is answered 2xx, never 500 after the change")
    class CharsetInAccept {

        @ParameterizedTest(name = "Accept: application/json;charset={0}")
        @ValueSource(strings = {"utf-16", "latin1", "UTF-32"})
        void patch_with_a_charset_in_accept_returns_200_utf8_json_and_saves_the_change(String charset) {
            User user = users.create("charset");
            assertThat(mvc.patch().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                    .header(HttpHeaders.ACCEPT, "application/json;charset=" + charset)
                    .contentType("application/merge-patch+json").content("{\"age\": 44}"))
                    .hasStatusOk()
                    .hasContentType(MediaType.APPLICATION_JSON)
                    .bodyJson().extractingPath("$.age").isEqualTo(44);
            assertThat(repository.findById(user.getId())).get().extracting(User::getAge).isEqualTo(44);
        }

        @Test
        void signup_with_a_charset_in_accept_returns_201() {
            assertThat(mvc.post().uri("/api/users").header(HttpHeaders.ACCEPT, "application/json;charset=utf-16")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\"}".formatted(TestUsers.uniqueEmail("charset"))))
                    .hasStatus(HttpStatus.CREATED)
                    .hasContentType(MediaType.APPLICATION_JSON);
        }

        @Test
        void admin_settings_put_with_a_charset_in_accept_returns_200() {
            try {
                assertThat(mvc.put().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                        .header(HttpHeaders.ACCEPT, "application/json;charset=latin1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signupsEnabled\": true, \"defaultPageSize\": 20}"))
                        .hasStatusOk()
                        .hasContentType(MediaType.APPLICATION_JSON);
            } finally {
                TestUsers.asAdmin(settings::reset);
            }
        }

        @Test
        void login_with_a_charset_in_accept_returns_200() {
            assertThat(mvc.post().uri("/api/auth/token").header(HttpHeaders.ACCEPT, "application/json;charset=utf-16")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"alice@example.com\", \"password\": \"alice-password\"}"))
                    .hasStatusOk()
                    .hasContentType(MediaType.APPLICATION_JSON);
        }
    }

    /**
     * A strong ETag says "these exact bytes" (RFC 9110 §8.8.3): every answer that carries one shows the same body,
     * whichever operation produced it. The instant a user was created is kept to the microsecond the database
     * stores, so the 201 (built from the new object) and a later GET (read back from the table) agree.
     */
    @Nested
    @DisplayName("One representation per ETag")
    class Status2xxOneRepresentationPerEtag {

        private final Map<String, String> bodiesByEtag = new HashMap<>();

        /** The body of {@code result}, which must be the body every earlier answer with its ETag had. */
        private void assertSameBytesAsEarlierWithItsEtag(MvcTestResult result, String expectedEtag) throws Exception {
            assertThat(result).hasHeader(HttpHeaders.ETAG, expectedEtag);
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as("body with ETag %s", expectedEtag)
                    .isEqualTo(bodiesByEtag.computeIfAbsent(expectedEtag, etag -> body));
        }

        @Test
        void signup_replay_get_put_and_patch_show_byte_identical_bodies_per_etag() throws Exception {
            String key = UUID.randomUUID().toString();
            String signUp = "{\"email\": \"%s\", \"name\": \"Once\"}".formatted(TestUsers.uniqueEmail("one-body"));
            MvcTestResult created = mvc.post().uri("/api/users").header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON).content(signUp).exchange();
            assertThat(created).hasStatus(HttpStatus.CREATED);
            assertSameBytesAsEarlierWithItsEtag(created, "\"0\"");
            Integer id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
            String email = JsonPath.read(created.getResponse().getContentAsString(), "$.email");

            MvcTestResult replayed = mvc.post().uri("/api/users").header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON).content(signUp).exchange();
            assertThat(replayed).hasStatus(HttpStatus.CREATED).hasHeader("Idempotent-Replayed", "true");
            assertSameBytesAsEarlierWithItsEtag(replayed, "\"0\"");
            assertSameBytesAsEarlierWithItsEtag(get(id), "\"0\"");

            MvcTestResult replaced = mvc.put().uri("/api/users/{id}", id).header(HttpHeaders.AUTHORIZATION, users.admin())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"%s\", \"age\": 33}".formatted(email))
                    .exchange();
            assertThat(replaced).hasStatusOk();
            assertSameBytesAsEarlierWithItsEtag(replaced, "\"1\"");
            assertSameBytesAsEarlierWithItsEtag(get(id), "\"1\"");

            MvcTestResult patched = mvc.patch().uri("/api/users/{id}", id).header(HttpHeaders.AUTHORIZATION, users.admin())
                    .contentType("application/merge-patch+json").content("{\"name\": \"Twice\"}").exchange();
            assertThat(patched).hasStatusOk();
            assertSameBytesAsEarlierWithItsEtag(patched, "\"2\"");
            assertSameBytesAsEarlierWithItsEtag(get(id), "\"2\"");
        }

        @Test
        void the_201_shows_created_at_to_the_microsecond_at_most_as_stored() throws Exception {
            MvcTestResult created = mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\"}".formatted(TestUsers.uniqueEmail("micros"))).exchange();
            assertThat(created).hasStatus(HttpStatus.CREATED);
            String createdAt = JsonPath.read(created.getResponse().getContentAsString(), "$.createdAt");
            // ISO-8601 as Java writes an Instant: no fraction, or 3 or 6 digits; 9 would be nanoseconds the column drops.
            assertThat(createdAt).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3}|\\.\\d{6})?Z");
            Integer id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
            assertThat(repository.findById(id.longValue())).get().extracting(User::getCreatedAt)
                    .isEqualTo(Instant.parse(createdAt));
        }

        private MvcTestResult get(Integer id) {
            MvcTestResult result = mvc.get().uri("/api/users/{id}", id).header(HttpHeaders.AUTHORIZATION, users.alice()).exchange();
            assertThat(result).hasStatusOk();
            return result;
        }
    }
}
