package com.example.statuscodes.spec;

import com.example.statuscodes.errors.RequestId;
import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.support.Tokens;
import com.example.statuscodes.users.User;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.Instant;

import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * The guide's 401 "who are you?": no credentials, or credentials that cannot be trusted. Every 401 carries
 * {@code WWW-Authenticate} (RFC 9110), with RFC 6750's {@code error="invalid_token"} for a bad token.
 */
@ApiTest
@DisplayName("401 Unauthorized: not authenticated")
class Status401UnauthorizedTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    Tokens tokens;

    /** The whole answer, as a client sees it: a fixed X-Request-Id makes every member known. */
    @Test
    void get_me_without_token_returns_401_with_exactly_this_body_and_challenge() {
        assertThat(mvc.get().uri("/api/me").header(RequestId.HEADER, "example-401"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer resource_metadata=\"http://localhost:8080/.well-known/oauth-protected-resource\"")
                .hasHeader(RequestId.HEADER, "example-401")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Unauthorized", "status": 401, "detail": "Authentication required",
                         "instance": "/api/me", "requestId": "example-401"}
                        """);
    }

    @Nested
    @DisplayName("no token")
    class NoToken {

        @Test
        void get_me_without_token_returns_401_with_www_authenticate_bearer() {
            MvcTestResult result = mvc.get().uri("/api/me").exchange();
            assertProblem(result, HttpStatus.UNAUTHORIZED, "Authentication required")
                    .headers().hasHeaderSatisfying(HttpHeaders.WWW_AUTHENTICATE,
                            values -> assertThat(values).singleElement(STRING)
                                    .startsWith("Bearer").doesNotContain("error="));
        }

        @Test
        void prometheus_scrape_without_token_returns_401_not_the_metrics() {
            assertProblem(mvc.get().uri("/actuator/prometheus").exchange(),
                    HttpStatus.UNAUTHORIZED, "Authentication required")
                    .headers().hasHeaderSatisfying(HttpHeaders.WWW_AUTHENTICATE,
                            values -> assertThat(values).singleElement(STRING)
                                    .startsWith("Bearer").doesNotContain("error="));
        }

        @Test
        void admin_settings_without_token_returns_401_not_403() {
            assertProblem(mvc.delete().uri("/api/admin/settings").exchange(),
                    HttpStatus.UNAUTHORIZED, "Authentication required")
                    .containsHeader(HttpHeaders.WWW_AUTHENTICATE);
        }

        @Test
        void the_metadata_link_names_the_configured_address_not_the_host_header() {
            assertThat(mvc.get().uri("/api/me").header(HttpHeaders.HOST, "evil.example").exchange())
                    .headers().hasHeaderSatisfying(HttpHeaders.WWW_AUTHENTICATE, values -> assertThat(values.get(0))
                            .contains("resource_metadata=\"http://localhost:8080/.well-known/oauth-protected-resource\"")
                            .doesNotContain("evil"));
        }

        @Test
        void the_resource_metadata_names_the_configured_address_not_the_host_header() {
            assertThat(mvc.get().uri("/.well-known/oauth-protected-resource").header(HttpHeaders.HOST, "evil.example"))
                    .hasStatusOk()
                    .bodyJson().extractingPath("$.resource").isEqualTo("http://localhost:8080");
        }

        @Test
        void the_resource_metadata_every_401_links_to_describes_this_api() {
            assertThat(mvc.get().uri("/.well-known/oauth-protected-resource"))
                    .hasStatusOk()
                    .bodyJson().isLenientlyEqualTo("""
                            {"resource_name": "HTTP status codes reference API",
                             "bearer_methods_supported": ["header"],
                             "tls_client_certificate_bound_access_tokens": false}
                            """);
        }

        @Test
        void unknown_route_without_token_returns_401_before_routing() {
            assertProblem(mvc.get().uri("/api/nowhere").exchange(), HttpStatus.UNAUTHORIZED, "Authentication required");
        }
    }

    @Nested
    @DisplayName("a token that cannot be trusted → invalid_token")
    class InvalidToken {

        private void assertInvalidToken(String token) {
            MvcTestResult result = mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange();
            assertProblem(result, HttpStatus.UNAUTHORIZED, "The access token is invalid or expired")
                    .headers().hasHeaderSatisfying(HttpHeaders.WWW_AUTHENTICATE,
                            values -> assertThat(values.get(0)).startsWith("Bearer error=\"invalid_token\"")
                                    .contains("error_description="));
        }

        @Test
        void token_signed_with_alg_none_returns_401_invalid_token() {
            assertInvalidToken(tokens.unsignedAlgNone(users.adminId()));
        }

        @Test
        void token_with_tampered_payload_returns_401_invalid_token() {
            assertInvalidToken(tokens.tamperedToAdmin(users.aliceId()));
        }

        @Test
        void token_signed_with_another_key_returns_401_invalid_token() {
            assertInvalidToken(tokens.signedWithAnotherKey(users.adminId()));
        }

        @Test
        void expired_token_returns_401_invalid_token() {
            assertInvalidToken(tokens.expired(users.aliceId()));
        }

        @Test
        void garbage_token_returns_401_invalid_token() {
            assertInvalidToken("not-a-jwt");
        }

        @Test
        void a_well_signed_token_without_exp_returns_401_invalid_token() {
            assertInvalidToken(signed("{\"sub\":\"%d\",\"iat\":%d}", users.aliceId(), now()));
        }

        @Test
        void a_well_signed_token_without_iat_returns_401_invalid_token() {
            assertInvalidToken(signed("{\"sub\":\"%d\",\"exp\":%d}", users.aliceId(), now() + 600));
        }

        @Test
        void a_well_signed_token_that_lives_longer_than_the_ttl_returns_401_invalid_token() {
            long year2100 = 4_102_444_800L;
            assertInvalidToken(signed("{\"sub\":\"%d\",\"iat\":%d,\"exp\":%d}", users.aliceId(), now(), year2100));
        }

        @Test
        void a_well_signed_token_that_lives_the_ttl_plus_the_clock_skew_is_accepted() {
            long iat = now();
            assertThat(mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + signed(
                    "{\"sub\":\"%d\",\"iat\":%d,\"exp\":%d}", users.aliceId(), iat, iat + 3600 + 60)))
                    .hasStatusOk();
        }

        @Test
        void a_well_signed_token_that_lives_one_second_longer_than_the_ttl_plus_the_skew_returns_401_invalid_token() {
            long iat = now();
            assertInvalidToken(signed("{\"sub\":\"%d\",\"iat\":%d,\"exp\":%d}", users.aliceId(), iat, iat + 3600 + 61));
        }

        @Test
        void a_well_signed_token_issued_in_the_future_returns_401_invalid_token() {
            assertInvalidToken(signed("{\"sub\":\"%d\",\"iat\":%d,\"exp\":%d}", users.aliceId(), now() + 600, now() + 1200));
        }

        @ParameterizedTest(name = "sub: {0}")
        @ValueSource(strings = {"\"0%d\"", "\"+%d\"", "%d", "\" %d\""})
        void a_well_signed_token_whose_subject_is_not_the_canonical_id_returns_401_invalid_token(String subject) {
            assertInvalidToken(signed("{\"sub\":%s,\"iat\":%d,\"exp\":%d}", subject.formatted(users.aliceId()), now(), now() + 600));
        }

        @Test
        void the_same_token_with_the_canonical_subject_is_accepted() {
            assertThat(mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + signed(
                    "{\"sub\":\"%d\",\"iat\":%d,\"exp\":%d}", users.aliceId(), now(), now() + 600)))
                    .hasStatusOk();
        }

        @Test
        void error_description_is_the_apis_own_text_not_the_librarys() {
            MvcTestResult result = mvc.get().uri("/api/me")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.signedWithAnotherKey(users.aliceId())).exchange();
            assertThat(result).headers().hasHeaderSatisfying(HttpHeaders.WWW_AUTHENTICATE, values ->
                    assertThat(values.get(0)).contains("error_description=\"The access token is invalid or expired\"")
                            .doesNotContain("JWT").doesNotContain("signature"));
        }

        /** A token with exactly these claims plus the account's current {@code credentials_version}, signed with the API's key. */
        private String signed(String claims, Object... values) {
            return tokens.signedPayload("{\"credentials_version\":%d,".formatted(tokens.credentialsVersion(users.aliceId()))
                    + claims.formatted(values).substring(1));
        }

        private static long now() {
            return Instant.now().getEpochSecond();
        }

        @Test
        void token_of_a_deleted_account_returns_401_invalid_token() {
            User user = users.create("deleted");
            String token = users.tokenFor(user);
            assertThat(mvc.delete().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, token))
                    .hasStatus(HttpStatus.NO_CONTENT);
            assertInvalidToken(token.substring("Bearer ".length()));
        }

        @Test
        void token_issued_before_its_account_was_created_returns_401_invalid_token() {
            // An id reused after a restart of the in-memory database must not inherit an old token.
            User user = users.create("reused-id");
            assertInvalidToken(tokens.issuedAt(user.getId(), user.getCreatedAt().minusSeconds(60)));
        }
    }

    /**
     * A token stands for the credentials it was issued for: after a password change (by the user or by an admin) or a
     * role change, every token issued before it is refused at its next use, saying why; the token of the login after
     * the change works. Other changes (a name) end nothing.
     */
    @Nested
    @DisplayName("a token issued before the password or role changed → invalid_token, saying so")
    class TokenIssuedBeforeACredentialChange {

        private static final String NO_LONGER_VALID = "The access token is no longer valid: the account's password or"
                + " role changed after it was issued; log in again";
        private static final String OLD_PASSWORD = "first-password-123";
        private static final String NEW_PASSWORD = "second-password-456";

        /** Signs up with a password and logs in: the account's id and a token as a real client gets it. */
        private long signUp(String email) throws Exception {
            MvcTestResult created = mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, OLD_PASSWORD)).exchange();
            assertThat(created).hasStatus(HttpStatus.CREATED);
            return ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.id")).longValue();
        }

        private String login(String email, String password) throws Exception {
            MvcTestResult login = mvc.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password)).exchange();
            assertThat(login).hasStatusOk();
            return "Bearer " + JsonPath.<String>read(login.getResponse().getContentAsString(), "$.access_token");
        }

        private void patch(long id, String bearer, String body) {
            assertThat(mvc.patch().uri("/api/users/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer)
                    .contentType("application/merge-patch+json").content(body)).hasStatusOk();
        }

        private void assertNoLongerValid(String bearer) {
            assertProblem(mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, bearer).exchange(),
                    HttpStatus.UNAUTHORIZED, NO_LONGER_VALID)
                    .headers().hasHeaderSatisfying(HttpHeaders.WWW_AUTHENTICATE, values -> assertThat(values.get(0))
                            .startsWith("Bearer error=\"invalid_token\", error_description=\"" + NO_LONGER_VALID + "\""));
        }

        @Test
        void token_issued_before_the_user_changed_their_password_returns_401_no_longer_valid() throws Exception {
            String email = TestUsers.uniqueEmail("own-password");
            long id = signUp(email);
            String before = login(email, OLD_PASSWORD);
            patch(id, before, "{\"password\": \"%s\"}".formatted(NEW_PASSWORD));

            assertNoLongerValid(before);
            assertThat(mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, login(email, NEW_PASSWORD))).hasStatusOk();
        }

        @Test
        void token_issued_before_an_admin_changed_the_password_returns_401_no_longer_valid() throws Exception {
            String email = TestUsers.uniqueEmail("reset-password");
            long id = signUp(email);
            String before = login(email, OLD_PASSWORD);
            patch(id, users.admin(), "{\"password\": \"%s\"}".formatted(NEW_PASSWORD));

            assertNoLongerValid(before);
            assertThat(mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, login(email, NEW_PASSWORD))).hasStatusOk();
        }

        @Test
        void token_issued_before_a_role_change_returns_401_no_longer_valid() throws Exception {
            String email = TestUsers.uniqueEmail("promoted");
            long id = signUp(email);
            String before = login(email, OLD_PASSWORD);
            patch(id, users.admin(), "{\"role\": \"ADMIN\"}");

            assertNoLongerValid(before);
            assertThat(mvc.get().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, login(email, OLD_PASSWORD)))
                    .hasStatusOk();
        }

        @Test
        void a_change_that_is_not_a_credential_leaves_the_token_working() throws Exception {
            String email = TestUsers.uniqueEmail("renamed");
            long id = signUp(email);
            String token = login(email, OLD_PASSWORD);
            patch(id, token, "{\"name\": \"Renamed\"}");
            patch(id, users.admin(), "{\"role\": \"USER\"}"); // the role it already has: nothing changed

            assertThat(mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, token)).hasStatusOk();
        }

        @Test
        void a_token_without_a_credentials_version_returns_401_invalid_token() {
            long now = Instant.now().getEpochSecond();
            assertProblem(mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.signedPayload(
                    "{\"sub\":\"%d\",\"iat\":%d,\"exp\":%d}".formatted(users.aliceId(), now, now + 600))).exchange(),
                    HttpStatus.UNAUTHORIZED, "The access token is invalid or expired");
        }
    }

    @Nested
    @DisplayName("a failed login")
    class FailedLogin {

        private MvcTestResult login(String email, String password) {
            return mvc.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password)).exchange();
        }

        @Test
        void login_with_wrong_password_returns_401_invalid_email_or_password() {
            assertProblem(login("alice@example.com", "wrong-password"), HttpStatus.UNAUTHORIZED,
                    "Invalid email or password")
                    .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }

        @Test
        void login_with_unknown_email_gives_exactly_the_same_answer() {
            assertProblem(login("nobody@example.com", "wrong-password"), HttpStatus.UNAUTHORIZED,
                    "Invalid email or password")
                    .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }

        @Test
        void login_to_an_account_without_password_returns_401() {
            assertProblem(login("bob@example.com", "anything-at-all"), HttpStatus.UNAUTHORIZED,
                    "Invalid email or password");
        }

        @Test
        void login_with_password_over_bcrypt_limit_returns_401_not_500() {
            assertProblem(login("alice@example.com", "é".repeat(60)), HttpStatus.UNAUTHORIZED,
                    "Invalid email or password");
        }

        @Test
        void login_with_right_password_returns_200_bearer_token() {
            assertThat(login("ALICE@example.com", "alice-password"))
                    .hasStatusOk()
                    .bodyJson()
                    .hasPath("$.access_token")
                    .isLenientlyEqualTo("{\"token_type\": \"Bearer\", \"expires_in\": 3600}");
            assertThat(login("alice@example.com", "alice-password"))
                    .doesNotContainHeader(HttpHeaders.SET_COOKIE) // stateless: no session, ever
                    .hasHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
        }

        @Test
        void issued_token_opens_the_api() throws Exception {
            MvcTestResult login = login("alice@example.com", "alice-password");
            String token = JsonPath.read(login.getResponse().getContentAsString(), "$.access_token");
            assertThat(mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .hasStatusOk();
        }
    }
}
