package com.example.statuscodes.spec;

import com.example.statuscodes.admin.AdminSettingsStore;
import com.example.statuscodes.errors.RequestId;
import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.StoredUser;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.util.Map;
import java.util.stream.Stream;

import static com.example.statuscodes.support.Problem.assertErrors;
import static com.example.statuscodes.errors.ProblemType.VALIDATION;
import static com.example.statuscodes.support.Problem.assertProblem;
import static com.example.statuscodes.support.Writes.writeUser;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.assertj.core.api.Assertions.assertThat;

/** The guide's 422: syntactically fine and understood, but the values break the rules. */
@ApiTest
@DisplayName("422 Unprocessable Content: understood, but invalid")
class Status422UnprocessableContentTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    AdminSettingsStore settings;

    @AfterEach
    void resetSettings() {
        TestUsers.asAdmin(settings::reset);
    }

    private static final String PASSWORD_RULE = "Must be at least 8 characters and at most 72 bytes";

    private MvcTestResult postUser(String body) {
        return mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    /** The whole answer, as a client sees it: a fixed X-Request-Id makes every member known. */
    @Test
    void post_invalid_email_and_negative_age_returns_422_with_exactly_this_body() {
        assertThat(mvc.post().uri("/api/users").header(RequestId.HEADER, "example-422")
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"not-an-email\", \"age\": -5}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(RequestId.HEADER, "example-422")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "/problems/validation", "title": "Unprocessable Content", "status": 422,
                         "detail": "Validation failed", "instance": "/api/users",
                         "errors": {"email": "Invalid format", "age": "Must be positive"}, "requestId": "example-422"}
                        """);
    }

    @Test
    void post_invalid_email_and_negative_age_returns_422_with_errors_map() {
        MvcTestResult result = postUser("{\"email\": \"not-an-email\", \"age\": -5}");
        assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
        assertErrors(result, Map.of("email", "Invalid format", "age", "Must be positive"));
    }

    @Test
    void post_email_that_grows_past_254_characters_when_lower_cased_returns_422_not_500() {
        // "İ" lower-cases to two characters: the length rule must see the address as it will be stored.
        String email = "İ".repeat(64) + "@" + "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + ".com";
        MvcTestResult result = postUser("{\"email\": \"%s\"}".formatted(email));
        assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
        assertThat(result).bodyJson().extractingPath("$.errors.email").isNotNull();
    }

    @Test
    void post_name_over_100_characters_returns_422() {
        MvcTestResult result = postUser("{\"email\": \"long@example.com\", \"name\": \"%s\"}".formatted("n".repeat(101)));
        assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
        assertErrors(result, Map.of("name", "Must be at most 100 characters"));
    }

    @Test
    void post_name_of_101_emoji_returns_422_naming_name() {
        MvcTestResult result = postUser("{\"email\": \"%s\", \"name\": \"%s\"}"
                .formatted(TestUsers.uniqueEmail("emoji"), "\uD83D\uDE00".repeat(101)));
        assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
        assertErrors(result, Map.of("name", "Must be at most 100 characters"));
    }

    /**
     * The documented pattern ({@code UserRequest.EMAIL_PATTERN}, ASCII) is the rule the server applies: an address
     * outside it is refused, so a client that checks the pattern is never surprised either way.
     */
    @ParameterizedTest(name = "email {0} → 422")
    @ValueSource(strings = {"jos\u00e9@example.com", "a@b@example.com", "a..b@example.com", "a@-example.com",
            "a@example..com", "a b@example.com"})
    void post_email_outside_the_documented_pattern_returns_422_naming_email(String email) {
        MvcTestResult result = postUser("{\"email\": \"%s\"}".formatted(email));
        assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
        assertErrors(result, Map.of("email", "Invalid format"));
    }

    /**
     * The password rule: at least 8 characters (code points, what a person typed) and at most 72 bytes (what bcrypt
     * reads; more would be cut silently, or fail as a 500).
     */
    static Stream<Arguments> passwordsThatBreakTheRule() {
        return Stream.of(
                arguments("7 digits", "1234567"),
                arguments("7 letters", "abcdefg"),
                arguments("7 characters in 11 UTF-16 units (4 emoji)", "abc\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"),
                arguments("73 bytes", "p".repeat(73)),
                arguments("40 two-byte characters: 80 bytes (not a 500)", "é".repeat(40)));
    }

    @ParameterizedTest(name = "POST /api/users with a password of {0} → 422")
    @MethodSource("passwordsThatBreakTheRule")
    void post_password_that_breaks_the_rule_returns_422_with_message(String kind, String password) {
        MvcTestResult result = postUser("{\"email\": \"%s\", \"password\": \"%s\"}"
                .formatted(TestUsers.uniqueEmail("pw"), password));
        assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
        assertErrors(result, Map.of("password", PASSWORD_RULE));
    }

    @Test
    void put_password_of_7_characters_returns_422_with_message() {
        User user = users.create("put-pw7");
        MvcTestResult result = writeUser(mvc, HttpMethod.PUT, user.getId(), users.tokenFor(user),
                "{\"email\": \"%s\", \"password\": \"abcdefg\"}".formatted(user.getEmail())).exchange();
        assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
        assertErrors(result, Map.of("password", PASSWORD_RULE));
    }

    @Test
    void patch_password_of_73_bytes_returns_422_with_message() {
        User user = users.create("patch-pw73");
        MvcTestResult result = writeUser(mvc, HttpMethod.PATCH, user.getId(), users.tokenFor(user),
                "{\"password\": \"%s\"}".formatted("p".repeat(73))).exchange();
        assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
        assertErrors(result, Map.of("password", PASSWORD_RULE));
    }

    /**
     * One field, two broken rules (no "@" and over 254 characters): one message, the alphabetically first, whatever
     * order the validator reports them in, so a client (and a test) sees the same body every time.
     */
    @Test
    void post_email_that_breaks_two_rules_returns_422_with_the_alphabetically_first_message() {
        MvcTestResult result = postUser("{\"email\": \"%s\"}".formatted("x".repeat(300)));
        assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
        assertErrors(result, Map.of("email", "Invalid format"));
    }

    @Test
    void put_with_invalid_values_returns_422_and_changes_nothing() {
        User user = users.create("put-invalid");
        MvcTestResult result = writeUser(mvc, HttpMethod.PUT, user.getId(), users.tokenFor(user),
                "{\"email\": \"%s\", \"age\": 200}".formatted(user.getEmail())).exchange();
        assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
        assertErrors(result, Map.of("age", "Must be at most 150"));
    }

    @Test
    void patch_that_leaves_an_invalid_user_returns_422() {
        User user = users.create("patch-invalid");
        MvcTestResult result = writeUser(mvc, HttpMethod.PATCH, user.getId(), users.tokenFor(user),
                "{\"age\": 0, \"email\": \"broken\"}").exchange();
        assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
        assertErrors(result, Map.of("email", "Invalid format", "age", "Must be positive"));
    }

    @Test
    void patch_that_clears_the_required_email_returns_422() {
        // Nothing is missing from a merge patch ("email": null is an understood instruction, "remove it"); what it
        // asks for breaks a rule. The cases of every member are in Status422MergePatchNull below.
        User user = users.create("patch-null");
        MvcTestResult result = mvc.patch().uri("/api/users/{id}", user.getId())
                .header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                .contentType("application/merge-patch+json")
                .content("{\"email\": null}").exchange();
        assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
        assertErrors(result, Map.of("email", "Cannot be cleared"));
    }

    @Test
    void put_admin_settings_with_out_of_range_value_returns_422() {
        MvcTestResult result = mvc.put().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"signupsEnabled\": true, \"defaultPageSize\": 0}").exchange();
        assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
        assertErrors(result, Map.of("defaultPageSize", "Must be between 1 and 100"));
    }

    /**
     * RFC 7396: {@code null} in a merge patch removes the member. {@code name} and {@code age} are optional and are
     * cleared (Status2xxSuccessTest); {@code email}, {@code role} and {@code password} cannot be removed from an
     * account, so such a patch is understood but cannot be carried out: 422 naming each, and nothing is written.
     */
    @Nested
    @DisplayName("422: a merge patch that clears a member that cannot be cleared")
    class Status422MergePatchNull {

        @Autowired
        UserRepository repository;
        @Autowired
        PasswordEncoder passwordEncoder;

        private MvcTestResult patch(User user, String authorization, String body) {
            return mvc.patch().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, authorization)
                    .contentType("application/merge-patch+json").content(body).exchange();
        }

        /** A user with a password, so that clearing it would change something. */
        private User userWithPassword(String prefix) {
            User user = users.create(prefix);
            user.setPasswordHash(passwordEncoder.encode("a-password-to-keep"));
            return repository.save(user);
        }

        @ParameterizedTest(name = "{0}: null")
        @ValueSource(strings = {"email", "password"})
        void patch_of_own_account_with_null_for_a_member_that_cannot_be_cleared_returns_422_naming_it(String member) {
            User user = userWithPassword("clear-" + member);
            StoredUser before = StoredUser.read(repository, user.getId());
            MvcTestResult result = patch(user, users.tokenFor(user), "{\"%s\": null}".formatted(member));
            assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
            assertErrors(result, Map.of(member, "Cannot be cleared"));
            assertThat(StoredUser.read(repository, user.getId())).isEqualTo(before);
        }

        @Test
        void patch_with_null_role_returns_422_naming_it() {
            // Only an admin may touch the role at all; for anyone else the same patch is the 403 below.
            User user = userWithPassword("clear-role");
            StoredUser before = StoredUser.read(repository, user.getId());
            MvcTestResult result = patch(user, users.admin(), "{\"role\": null}");
            assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
            assertErrors(result, Map.of("role", "Cannot be cleared"));
            assertThat(StoredUser.read(repository, user.getId())).isEqualTo(before);
        }

        @Test
        void patch_with_null_role_by_the_user_themself_is_a_403_before_its_content_is_judged() {
            User user = users.create("clear-role-self");
            StoredUser before = StoredUser.read(repository, user.getId());
            assertProblem(patch(user, users.tokenFor(user), "{\"role\": null}"), HttpStatus.FORBIDDEN,
                    "Only an admin can set a user's role");
            assertThat(StoredUser.read(repository, user.getId())).isEqualTo(before);
        }

        @Test
        void patch_with_every_unclearable_member_null_and_a_broken_rule_returns_422_naming_all() {
            User user = userWithPassword("clear-all");
            StoredUser before = StoredUser.read(repository, user.getId());
            MvcTestResult result = patch(user, users.admin(),
                    "{\"email\": null, \"role\": null, \"password\": null, \"name\": null, \"age\": -5}");
            assertProblem(result, VALIDATION, HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
            assertErrors(result, Map.of("email", "Cannot be cleared", "role", "Cannot be cleared",
                    "password", "Cannot be cleared", "age", "Must be positive"));
            assertThat(StoredUser.read(repository, user.getId())).isEqualTo(before);
        }

        @Test
        void patch_with_null_email_and_a_wrongly_typed_member_is_still_the_400_for_the_type() {
            // A value of the wrong type fails while the body is read (400), before any rule on the values is applied.
            User user = users.create("clear-typed");
            StoredUser before = StoredUser.read(repository, user.getId());
            MvcTestResult result = patch(user, users.tokenFor(user), "{\"email\": null, \"age\": \"ten\"}");
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid value for field: age");
            assertErrors(result, Map.of("age", "Must be an integer"));
            assertThat(StoredUser.read(repository, user.getId())).isEqualTo(before);
        }
    }
}
