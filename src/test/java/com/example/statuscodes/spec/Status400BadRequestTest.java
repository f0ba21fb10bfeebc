package com.example.statuscodes.spec;

import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.users.User;
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
            assertErrors(result, Map.of("id", "Must be an integer"));
        }

        /** The ownership rule lets an id that names no account through, so that MVC answers 400, not 403. */
        @ParameterizedTest(name = "{0} /api/users/abc as a user → 400 naming id")
        @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
        void change_of_a_non_numeric_user_id_by_a_user_returns_400_not_403(String method) {
            MvcTestResult result = mvc.method(HttpMethod.valueOf(method)).uri("/api/users/abc")
                    .header(HttpHeaders.AUTHORIZATION, users.alice())
                    .contentType(method.equals("PATCH") ? "application/merge-patch+json" : MediaType.APPLICATION_JSON_VALUE)
                    .content("{\"email\": \"alice@example.com\"}").exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: id");
            assertErrors(result, Map.of("id", "Must be an integer"));
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
}
