package com.example.statuscodes.spec;

import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.net.URI;
import java.util.Map;

import static com.example.statuscodes.support.Problem.assertErrors;
import static com.example.statuscodes.errors.ProblemType.VALIDATION;
import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's 400: the server cannot understand the request (invalid JSON, wrong types, missing required
 * fields, bad parameter values). Each names the field or parameter at fault.
 */
@ApiTest
@DisplayName("400 Bad Request: the server cannot understand the request")
class Status400BadRequestTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    UserRepository repository;

    private static final String ID_FORMAT = "Must be a positive integer in plain decimal digits, like 42";

    private MvcTestResult postUser(String body) {
        return mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    @Nested
    @DisplayName("a body the server cannot read")
    class UnreadableBody {

        @Test
        void post_invalid_json_returns_400_request_body_is_not_valid_json() {
            assertProblem(postUser("{invalid json}"), HttpStatus.BAD_REQUEST, "Request body is not valid JSON");
        }

        @Test
        void post_truncated_json_returns_400_request_body_is_not_valid_json() {
            assertProblem(postUser("{\"email\": \"a@b.c\""), HttpStatus.BAD_REQUEST, "Request body is not valid JSON");
        }

        @Test
        void post_without_a_body_returns_400_request_body_is_missing() {
            assertProblem(postUser(""), HttpStatus.BAD_REQUEST, "Request body is missing");
        }

        @Test
        void post_a_json_array_returns_400_body_must_be_an_object() {
            assertProblem(postUser("[]"), HttpStatus.BAD_REQUEST, "Request body must be a JSON object");
        }

        @Test
        void post_age_of_the_wrong_type_returns_400_naming_the_field() {
            MvcTestResult result = postUser("{\"email\": \"a@example.com\", \"age\": \"ten\"}");
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid value for field: age");
            assertErrors(result, Map.of("age", "Must be an integer"));
        }

        @Test
        void post_fractional_age_is_not_silently_truncated_but_400() {
            MvcTestResult result = postUser("{\"email\": \"a@example.com\", \"age\": 1.5}");
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid value for field: age");
            assertErrors(result, Map.of("age", "Must be an integer"));
        }

        @Test
        void post_age_1e400_returns_400_not_500() {
            MvcTestResult result = postUser("{\"email\": \"a@example.com\", \"age\": 1e400}");
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid value for field: age");
            assertErrors(result, Map.of("age", "Must be an integer"));
        }

        @Test
        void post_age_beyond_int_range_returns_400_naming_the_field() {
            MvcTestResult result = postUser("{\"email\": \"a@example.com\", \"age\": 99999999999}");
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid value for field: age");
            assertErrors(result, Map.of("age", "Must be an integer"));
        }

        @Test
        void post_age_as_a_string_is_not_coerced_but_400() {
            MvcTestResult result = postUser("{\"email\": \"a@example.com\", \"age\": \"31\"}");
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid value for field: age");
            assertErrors(result, Map.of("age", "Must be an integer"));
        }

        @Test
        void post_name_as_a_number_is_not_coerced_but_400() {
            MvcTestResult result = postUser("{\"email\": \"a@example.com\", \"name\": 123}");
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid value for field: name");
            assertErrors(result, Map.of("name", "Must be a string"));
        }

        @Test
        void post_role_as_a_number_is_not_coerced_but_400() {
            MvcTestResult result = postUser("{\"email\": \"a@example.com\", \"role\": 0}");
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid value for field: role");
            assertErrors(result, Map.of("role", "Must be one of USER, ADMIN"));
        }

        @Test
        void admin_settings_with_a_boolean_as_a_string_returns_400() {
            MvcTestResult result = mvc.put().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"signupsEnabled\": \"false\", \"defaultPageSize\": 20}").exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid value for field: signupsEnabled");
            assertErrors(result, Map.of("signupsEnabled", "Must be true or false"));
        }

        @Test
        void post_with_an_unknown_field_returns_400_naming_it_so_a_typo_is_not_lost() {
            MvcTestResult result = postUser("{\"email\": \"a@example.com\", \"nmae\": \"Typo\"}");
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Unknown field: nmae");
            assertErrors(result, Map.of("nmae", "Unknown field"));
        }

        @Test
        void patch_with_an_unknown_field_returns_400_and_changes_nothing() {
            User user = users.create("typo");
            MvcTestResult result = mvc.patch().uri("/api/users/{id}", user.getId())
                    .header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                    .contentType("application/merge-patch+json").content("{\"nmae\": \"Typo\"}").exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Unknown field: nmae");
            assertErrors(result, Map.of("nmae", "Unknown field"));
        }

        @Test
        void post_with_a_field_sent_twice_returns_400_naming_it() {
            MvcTestResult result = postUser("{\"email\": \"a@example.com\", \"name\": \"One\", \"name\": \"Two\"}");
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Duplicate field: name");
            assertErrors(result, Map.of("name", "Sent more than once"));
        }

        @Test
        void post_unknown_role_returns_400_listing_the_allowed_values() {
            MvcTestResult result = postUser("{\"email\": \"a@example.com\", \"role\": \"ROOT\"}");
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid value for field: role");
            assertErrors(result, Map.of("role", "Must be one of USER, ADMIN"));
        }

        @Test
        void post_100000_nested_arrays_returns_400_json_limits() {
            String deep = "{\"email\": \"a@example.com\", \"extra\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
            assertProblem(postUser(deep), HttpStatus.BAD_REQUEST,
                    "Request body exceeds the JSON limits (nesting depth, string or number length)");
        }

        @Test
        void post_100000_character_string_returns_400_json_limits() {
            String huge = "{\"email\": \"a@example.com\", \"name\": \"" + "x".repeat(100_000) + "\"}";
            assertProblem(postUser(huge), HttpStatus.BAD_REQUEST,
                    "Request body exceeds the JSON limits (nesting depth, string or number length)");
        }

        @Test
        void post_2000_digit_number_returns_400_json_limits() {
            String longNumber = "{\"email\": \"a@example.com\", \"age\": " + "9".repeat(2_000) + "}";
            assertProblem(postUser(longNumber), HttpStatus.BAD_REQUEST,
                    "Request body exceeds the JSON limits (nesting depth, string or number length)");
        }
    }

    @Nested
    @DisplayName("a required field is missing")
    class MissingField {

        @Test
        void post_without_email_returns_400_naming_the_field() {
            MvcTestResult result = postUser("{\"name\": \"No Email\"}");
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Missing required field: email");
            assertErrors(result, Map.of("email", "Is required"));
        }

        @Test
        void post_with_null_email_returns_400_naming_the_field() {
            MvcTestResult result = postUser("{\"email\": null, \"age\": -5}");
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Missing required field: email");
            assertErrors(result, Map.of("email", "Is required", "age", "Must be positive"));
        }

        @Test
        void login_without_password_returns_400_naming_the_field() {
            MvcTestResult result = mvc.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"alice@example.com\"}").exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Missing required field: password");
            assertErrors(result, Map.of("password", "Is required"));
        }
    }

    @Nested
    @DisplayName("a bad path or query parameter (a 400, not a 404)")
    class BadParameter {

        @Test
        void get_user_with_non_numeric_id_returns_400_not_404() {
            MvcTestResult result = mvc.get().uri("/api/users/abc").header(HttpHeaders.AUTHORIZATION, users.alice())
                    .exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: id");
            assertErrors(result, Map.of("id", ID_FORMAT));
        }

        /** The ownership rule reads the id with the controller's own parser: what it cannot read is that parser's 400. */
        @ParameterizedTest(name = "{0} /api/users/abc as a user → 400 naming id")
        @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
        void change_of_a_non_numeric_user_id_by_a_user_returns_400_not_403(String method) {
            MvcTestResult result = mvc.method(HttpMethod.valueOf(method)).uri("/api/users/abc")
                    .header(HttpHeaders.AUTHORIZATION, users.alice())
                    .contentType(method.equals("PATCH") ? "application/merge-patch+json" : MediaType.APPLICATION_JSON_VALUE)
                    .content("{\"email\": \"alice@example.com\"}").exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: id");
            assertErrors(result, Map.of("id", ID_FORMAT));
        }

        /**
         * The takeover: {@code PATCH /api/users/0x2} by alice once changed the admin's password, because the access
         * rule could not read {@code 0x2} and let it through, and Spring's conversion to {@code long} read it as 2.
         * One parser now reads the id for both (canonical decimal digits), so every other spelling is a 400 before
         * any rule or handler acts on it, and the account it might name is left as it was.
         */
        @ParameterizedTest(name = "{0} /api/users/<the admin''s id as \"{1}\"> as a user → 400 naming id, nothing written")
        @CsvSource(delimiter = '|', value = {
                "PATCH  | 0x%d", "PATCH | 0X%d", "PATCH | %%23%d", "PATCH | 0%d", "PATCH | 00%d", "PATCH | +%d",
                "PATCH  | %d.0", "PATCH | %de0", "PATCH | %%20%d", "PATCH | %d%%20", "PATCH | %%09%d", "PATCH | %d%%0B",
                "PUT    | 0x%d", "PUT   | 0%d", "PUT | +%d", "PUT | %%20%d",
                "DELETE | 0x%d", "DELETE | 0%d", "DELETE | +%d", "DELETE | %%20%d"})
        void another_spelling_of_an_account_id_returns_400_and_changes_nothing(String method, String spelling) {
            long adminId = users.adminId();
            User before = repository.findById(adminId).orElseThrow();
            MvcTestResult result = mvc.method(HttpMethod.valueOf(method))
                    .uri(URI.create("/api/users/" + spelling.formatted(adminId)))
                    .header(HttpHeaders.AUTHORIZATION, users.alice())
                    .contentType(method.equals("PATCH") ? "application/merge-patch+json" : MediaType.APPLICATION_JSON_VALUE)
                    .content("{\"email\": \"admin@example.com\", \"password\": \"owned-by-alice-123\"}").exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: id");
            assertErrors(result, Map.of("id", ID_FORMAT));
            User after = repository.findById(adminId).orElseThrow();
            assertThat(after.getPasswordHash()).isEqualTo(before.getPasswordHash());
            assertThat(after.getVersion()).isEqualTo(before.getVersion());
        }

        /** Reads as well as writes, admins as well as users: one spelling per id everywhere, so no two readers differ. */
        @ParameterizedTest(name = "GET /api/users/{0} as an admin → 400 naming id")
        @ValueSource(strings = {"0x1", "01", "+1", "-1", "0", "1.0", "1e0", "%EF%BC%91", "%D9%A1", "%201",
                "9223372036854775808", "18446744073709551617"})
        void any_spelling_but_plain_decimal_digits_returns_400_for_every_caller(String spelling) {
            MvcTestResult result = mvc.get().uri(URI.create("/api/users/" + spelling))
                    .header(HttpHeaders.AUTHORIZATION, users.admin()).exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: id");
            assertErrors(result, Map.of("id", ID_FORMAT));
        }

        @Test
        void the_largest_id_spelled_plainly_is_read_and_names_no_user() {
            assertProblem(mvc.get().uri("/api/users/9223372036854775807").header(HttpHeaders.AUTHORIZATION, users.admin())
                    .exchange(), HttpStatus.NOT_FOUND, "User not found");
        }

        @ParameterizedTest(name = "{0}={1} → 400 \"{2}\"")
        @CsvSource(delimiter = '|', value = {
                "page | -1  | Must be between 0 and 10000000",
                "page | abc | Must be an integer",
                "size | 0   | Must be between 1 and 100",
                "size | 101 | Must be between 1 and 100",
                "size | ten | Must be an integer",
                "sort | password,asc | Must be one of id, email, name, age, createdAt, optionally followed by ,asc or ,desc",
                "sort | email,sideways | Must be one of id, email, name, age, createdAt, optionally followed by ,asc or ,desc",
        })
        void list_users_with_out_of_range_parameter_returns_400_naming_it(String name, String value, String message) {
            MvcTestResult result = mvc.get().uri("/api/users").queryParam(name, value)
                    .header(HttpHeaders.AUTHORIZATION, users.alice()).exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: " + name);
            assertErrors(result, Map.of(name, message));
        }
    }

    @Nested
    @DisplayName("a URL or header the firewall refuses")
    class RejectedUrl {

        @Test
        void control_character_in_a_header_read_by_mvc_returns_400_not_500() {
            User user = users.create("ctrl");
            assertProblem(mvc.patch().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                            .header(HttpHeaders.IF_MATCH, "\"0\u0085\"").contentType("application/merge-patch+json")
                            .content("{\"age\": 20}").exchange(), HttpStatus.BAD_REQUEST,
                    "The request contains characters that are not allowed in a URL or header");
        }

        @Test
        void semicolon_in_path_returns_400_problem() {
            assertProblem(mvc.get().uri("/api/users/1;jsessionid=x").header(HttpHeaders.AUTHORIZATION, users.alice())
                            .exchange(), HttpStatus.BAD_REQUEST,
                    "The request contains characters that are not allowed in a URL or header");
        }

        @Test
        void encoded_slash_in_path_returns_400_problem() {
            assertProblem(mvc.get().uri(URI.create("/api/users/1%2F2")).header(HttpHeaders.AUTHORIZATION, users.alice())
                            .exchange(), HttpStatus.BAD_REQUEST,
                    "The request contains characters that are not allowed in a URL or header");
        }
    }

    /**
     * RFC 6750 section 3.1: an {@code Authorization} header that is not one bearer token is a malformed request, 400
     * with {@code error="invalid_request"}; no token was checked. A well-formed token that is wrong stays a 401
     * {@code invalid_token} ({@code Status401UnauthorizedTest}).
     */
    @Nested
    @DisplayName("a malformed Authorization header → invalid_request")
    class MalformedAuthorization {

        private static final String MALFORMED = "The Authorization header must be the word Bearer, one space and one token";

        private void assertInvalidRequest(MvcTestResult result) {
            assertProblem(result, HttpStatus.BAD_REQUEST, MALFORMED)
                    .headers().hasHeaderSatisfying(HttpHeaders.WWW_AUTHENTICATE, values -> assertThat(values).singleElement()
                            .asString().startsWith("Bearer error=\"invalid_request\", error_description=\"" + MALFORMED + "\""));
        }

        @ParameterizedTest(name = "Authorization: \"{0}\" → 400 invalid_request")
        @ValueSource(strings = {"Bearer", "Bearer ", "bearer  abc", "Bearer abc def", "Bearer ab$cd", "Bearer abc=def",
                "Bearer ab\u00e9"})
        void a_bearer_header_that_is_not_one_token_returns_400_invalid_request(String authorization) {
            assertInvalidRequest(mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, authorization).exchange());
        }

        @Test
        void two_authorization_headers_return_400_invalid_request() {
            assertInvalidRequest(mvc.get().uri("/api/me")
                    .header(HttpHeaders.AUTHORIZATION, users.alice(), users.admin()).exchange());
        }

        @Test
        void a_malformed_header_on_a_public_route_is_refused_too() {
            assertInvalidRequest(mvc.post().uri("/api/users").header(HttpHeaders.AUTHORIZATION, "Bearer")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"malformed@example.com\"}").exchange());
            assertThat(repository.findByEmail("malformed@example.com")).isEmpty();
        }
    }
}
