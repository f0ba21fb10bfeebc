package com.example.statuscodes.spec;

import com.example.statuscodes.admin.AdminSettings;
import com.example.statuscodes.admin.AdminSettingsStore;
import com.example.statuscodes.errors.RequestId;
import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.users.Role;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.example.statuscodes.support.Problem.assertProblem;
import static com.example.statuscodes.support.Writes.writeUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's 403 "not allowed": the caller is authenticated, and re-authenticating won't help.
 * Whether the rule is a URL rule ({@code auth.AccessRules}) or needs the body (the role rule, in the service),
 * the answer comes from the one advice.
 */
@ApiTest
@DisplayName("403 Forbidden: authenticated, but not allowed")
class Status403ForbiddenTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    UserRepository repository;
    @Autowired
    AdminSettingsStore settings;

    @AfterEach
    void resetSettings() {
        TestUsers.asAdmin(settings::reset);
    }

    /** The whole answer, as a client sees it: a fixed X-Request-Id makes every member known. */
    @Test
    void delete_admin_settings_as_user_returns_403_with_exactly_this_body() {
        assertThat(mvc.delete().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.alice())
                .header(RequestId.HEADER, "example-403"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(RequestId.HEADER, "example-403")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Forbidden", "status": 403, "detail": "Admin access required",
                         "instance": "/api/admin/settings", "requestId": "example-403"}
                        """);
    }

    @Nested
    @DisplayName("admin-only endpoints (URL rule)")
    class AdminOnly {

        @Test
        void delete_admin_settings_as_user_returns_403_admin_access_required() {
            assertProblem(mvc.delete().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.alice())
                    .exchange(), HttpStatus.FORBIDDEN, "Admin access required");
        }

        @Test
        void get_admin_settings_as_user_returns_403_admin_access_required() {
            assertProblem(mvc.get().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.alice())
                    .exchange(), HttpStatus.FORBIDDEN, "Admin access required");
        }

        @Test
        void prometheus_scrape_as_user_returns_403_admin_access_required() {
            assertProblem(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, users.alice())
                    .exchange(), HttpStatus.FORBIDDEN, "Admin access required");
        }

        @Test
        void put_admin_settings_as_user_returns_403_and_changes_nothing() {
            assertProblem(mvc.put().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.alice())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"signupsEnabled\": false, \"defaultPageSize\": 5}")
                    .exchange(), HttpStatus.FORBIDDEN, "Admin access required");
            assertThat(settings.current()).isEqualTo(AdminSettings.DEFAULTS);
        }
    }

    @Nested
    @DisplayName("ownership rules (auth.AccessRules, in the security chain, before the body is read)")
    class Ownership {

        @Test
        void put_other_users_account_returns_403_and_changes_nothing() {
            User victim = users.create("victim");
            assertProblem(writeUser(mvc, HttpMethod.PUT, victim.getId(), users.alice(),
                    "{\"email\": \"stolen@example.com\"}").exchange(),
                    HttpStatus.FORBIDDEN, "You can only change your own account");
            assertThat(repository.findById(victim.getId())).get().extracting(User::getEmail)
                    .isEqualTo(victim.getEmail());
        }

        @Test
        void put_other_users_account_with_an_invalid_body_returns_403_not_422() {
            // Refused from the URL alone, before the body is read: a 422 would tell the caller the rules of a
            // write it may not make at all.
            User victim = users.create("victim");
            assertProblem(writeUser(mvc, HttpMethod.PUT, victim.getId(), users.alice(),
                    "{\"email\": \"not-an-email\", \"age\": -5}").exchange(),
                    HttpStatus.FORBIDDEN, "You can only change your own account");
        }

        @Test
        void patch_other_users_account_with_unreadable_json_returns_403_not_400() {
            User victim = users.create("victim");
            assertProblem(writeUser(mvc, HttpMethod.PATCH, victim.getId(), users.alice(), "{invalid json}").exchange(),
                    HttpStatus.FORBIDDEN, "You can only change your own account");
        }

        @Test
        void admin_may_write_any_account_so_the_invalid_body_is_a_422() {
            User user = users.create("validated");
            assertThat(writeUser(mvc, HttpMethod.PUT, user.getId(), users.admin(), "{\"email\": \"not-an-email\"}"))
                    .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        }

        @Test
        void patch_other_users_account_returns_403() {
            User victim = users.create("victim");
            assertProblem(writeUser(mvc, HttpMethod.PATCH, victim.getId(), users.alice(),
                    "{\"name\": \"Mallory\"}").exchange(),
                    HttpStatus.FORBIDDEN, "You can only change your own account");
        }

        @Test
        void delete_other_users_account_returns_403_and_keeps_it() {
            User victim = users.create("victim");
            assertProblem(mvc.delete().uri("/api/users/{id}", victim.getId())
                    .header(HttpHeaders.AUTHORIZATION, users.alice()).exchange(),
                    HttpStatus.FORBIDDEN, "You can only change your own account");
            assertThat(repository.findById(victim.getId())).isPresent();
        }
    }

    @Nested
    @DisplayName("only an admin sets a role")
    class Roles {

        /**
         * A role change ends every token issued before it (401, see {@code Status401UnauthorizedTest}); the token of
         * the next login carries the new role's rights: no admin settings.
         */
        @Test
        void demoted_admin_is_refused_at_once_and_after_logging_in_again_gets_403() {
            User user = users.create("short-reign");
            promote(user, "ADMIN");
            String asAdmin = users.tokenFor(user);
            assertThat(mvc.get().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, asAdmin)).hasStatusOk();
            promote(user, "USER");
            assertThat(mvc.get().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, asAdmin))
                    .hasStatus(HttpStatus.UNAUTHORIZED);
            assertProblem(mvc.get().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.tokenFor(user)).exchange(),
                    HttpStatus.FORBIDDEN, "Admin access required");
        }

        private void promote(User user, String role) {
            assertThat(writeUser(mvc, HttpMethod.PATCH, user.getId(), users.admin(),
                    "{\"role\": \"%s\"}".formatted(role)))
                    .hasStatusOk();
        }

        @Test
        void user_cannot_promote_self_to_admin() {
            User user = users.create("climber");
            assertProblem(writeUser(mvc, HttpMethod.PATCH, user.getId(), users.tokenFor(user),
                    "{\"role\": \"ADMIN\"}").exchange(),
                    HttpStatus.FORBIDDEN, "Only an admin can set a user's role");
            assertThat(repository.findById(user.getId())).get().extracting(User::getRole).isEqualTo(Role.USER);
        }

        @Test
        void user_cannot_promote_self_with_put_either() {
            User user = users.create("climber");
            assertProblem(writeUser(mvc, HttpMethod.PUT, user.getId(), users.tokenFor(user),
                    "{\"email\": \"%s\", \"role\": \"ADMIN\"}".formatted(user.getEmail())).exchange(),
                    HttpStatus.FORBIDDEN, "Only an admin can set a user's role");
            assertThat(repository.findById(user.getId())).get().extracting(User::getRole).isEqualTo(Role.USER);
        }

        @Test
        void user_sending_even_their_current_role_returns_403() {
            User user = users.create("explicit");
            assertProblem(writeUser(mvc, HttpMethod.PATCH, user.getId(), users.tokenFor(user),
                    "{\"role\": \"USER\"}").exchange(),
                    HttpStatus.FORBIDDEN, "Only an admin can set a user's role");
        }

        @Test
        void anonymous_signup_with_a_role_returns_401_because_an_admin_log_in_would_help() {
            assertProblem(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"email\": \"%s\", \"role\": \"ADMIN\"}".formatted(TestUsers.uniqueEmail("anon"))).exchange(),
                    HttpStatus.UNAUTHORIZED, "Authentication required");
        }

        @Test
        void signed_in_user_cannot_create_an_admin() {
            String email = TestUsers.uniqueEmail("sneaky");
            assertProblem(mvc.post().uri("/api/users").header(HttpHeaders.AUTHORIZATION, users.alice())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\", \"role\": \"ADMIN\"}".formatted(email)).exchange(),
                    HttpStatus.FORBIDDEN, "Only an admin can set a user's role");
            assertThat(repository.findByEmail(email)).isEmpty();
        }
    }

    @Nested
    @DisplayName("sign-ups closed by an admin")
    class SignupsClosed {

        @Test
        void anonymous_signup_when_closed_returns_403_not_401() {
            TestUsers.asAdmin(() -> settings.replace(new AdminSettings(false, 20)));
            String email = TestUsers.uniqueEmail("late");
            MvcTestResult result = mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\"}".formatted(email)).exchange();
            assertProblem(result, HttpStatus.FORBIDDEN, "Sign-ups are closed");
            assertThat(repository.findByEmail(email)).isEmpty();
        }

        /** Decided before the body is read: what the body says cannot change the answer, and is not even parsed. */
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"{invalid", "{\"email\": \"not-an-email\"}", "{\"email\": \"x@example.com\", \"nmae\": 1}"})
        void anonymous_signup_when_closed_returns_403_whatever_its_body(String body) {
            TestUsers.asAdmin(() -> settings.replace(new AdminSettings(false, 20)));
            assertProblem(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).content(body).exchange(),
                    HttpStatus.FORBIDDEN, "Sign-ups are closed");
        }

        @Test
        void signed_in_user_signup_when_closed_returns_403_only_an_admin_may_still_create_accounts() {
            TestUsers.asAdmin(() -> settings.replace(new AdminSettings(false, 20)));
            String email = TestUsers.uniqueEmail("late-user");
            MvcTestResult result = mvc.post().uri("/api/users").header(HttpHeaders.AUTHORIZATION, users.alice())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\"}".formatted(email)).exchange();
            assertProblem(result, HttpStatus.FORBIDDEN, "Sign-ups are closed");
            assertThat(repository.findByEmail(email)).isEmpty();
        }

        @Test
        void admin_can_still_create_users_when_signups_are_closed() {
            TestUsers.asAdmin(() -> settings.replace(new AdminSettings(false, 20)));
            assertThat(mvc.post().uri("/api/users").header(HttpHeaders.AUTHORIZATION, users.admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\"}".formatted(TestUsers.uniqueEmail("invited"))))
                    .hasStatus(HttpStatus.CREATED);
        }
    }
}
