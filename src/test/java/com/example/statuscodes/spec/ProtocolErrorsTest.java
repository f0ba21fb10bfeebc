package com.example.statuscodes.spec;

import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.example.statuscodes.errors.ProblemType.SERVER_ERROR;
import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The codes every HTTP client expects beyond the guide's list: 405, 406, 413, 415, in the same problem shape. */
@ApiTest
@DisplayName("405, 406, 413, 415: the protocol's own errors")
class ProtocolErrorsTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;

    @Test
    void post_on_a_user_returns_405_with_allow() {
        assertProblem(mvc.post().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, users.alice()).exchange(),
                HttpStatus.METHOD_NOT_ALLOWED, "Method 'POST' is not supported.")
                .headers().hasHeaderSatisfying(HttpHeaders.ALLOW, allow -> assertThat(allow.get(0).split(", "))
                        .containsExactlyInAnyOrder("GET", "PUT", "PATCH", "DELETE"));
    }

    @Test
    void accept_xml_returns_406_as_problem_json() {
        assertProblem(mvc.get().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, users.alice())
                        .accept(MediaType.APPLICATION_XML).exchange(),
                HttpStatus.NOT_ACCEPTABLE,
                "Acceptable representations: [application/json].");
    }

    @Test
    void post_text_plain_returns_415_with_accept() {
        assertProblem(mvc.post().uri("/api/users").contentType(MediaType.TEXT_PLAIN).content("hello").exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'text/plain' is not supported; use application/json, application/*+json")
                .hasHeader(HttpHeaders.ACCEPT, "application/json, application/*+json");
    }

    @Test
    void put_with_merge_patch_returns_415_naming_application_json() {
        // A merge patch is a partial change: PATCH's. PUT replaces, with the whole user as application/json.
        assertProblem(mvc.put().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, users.alice())
                        .contentType("application/merge-patch+json").content("{\"name\": \"x\"}").exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'application/merge-patch+json' is not supported; use application/json")
                .hasHeader(HttpHeaders.ACCEPT, "application/json");
    }

    @Test
    void patch_with_plain_json_returns_415_naming_merge_patch() {
        assertProblem(mvc.patch().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, users.alice())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\"}").exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'application/json' is not supported; use application/merge-patch+json")
                .hasHeader(HttpHeaders.ACCEPT, "application/merge-patch+json");
    }

    @Test
    void multipart_without_a_boundary_returns_415_not_500() {
        // The API takes no uploads, so multipart is switched off: such a body is one more type it does not read.
        assertProblem(mvc.post().uri("/api/users").contentType("multipart/form-data").content("x").exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'multipart/form-data' is not supported; use application/json, application/*+json")
                .hasHeader(HttpHeaders.ACCEPT, "application/json, application/*+json");
    }

    @Test
    void multipart_with_an_empty_boundary_on_login_returns_415_not_500() {
        assertProblem(mvc.post().uri("/api/auth/token").contentType("multipart/mixed; boundary=").content("x").exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'multipart/mixed' is not supported; use application/json, application/*+json");
    }

    @Test
    void wildcard_content_type_on_signup_returns_415_not_500() {
        // "*/*" names no media type at all: the server cannot know how to read the body.
        assertProblem(mvc.post().uri("/api/users").header(HttpHeaders.CONTENT_TYPE, "*/*")
                        .content("{\"email\": \"wild@example.com\"}").exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type '*/*' is not supported; use application/json, application/*+json");
    }

    @Test
    void wildcard_subtype_content_type_on_login_returns_415_not_500() {
        assertProblem(mvc.post().uri("/api/auth/token").header(HttpHeaders.CONTENT_TYPE, "application/*")
                        .content("{\"email\": \"alice@example.com\", \"password\": \"alice-password\"}").exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'application/*' is not supported; use application/json, application/*+json");
    }

    @Test
    void body_over_one_mebibyte_returns_413() {
        byte[] body = new byte[1024 * 1024 + 1];
        assertProblem(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).content(body).exchange(),
                HttpStatus.CONTENT_TOO_LARGE, "Request body is larger than the limit of 1048576 bytes");
    }

    @Test
    void post_yaml_returns_415_the_api_speaks_json_only() {
        assertProblem(mvc.post().uri("/api/users").contentType("application/yaml")
                        .content("email: yaml@example.com".getBytes(java.nio.charset.StandardCharsets.UTF_8)).exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type 'application/yaml' is not supported; use application/json, application/*+json");
    }

    @Test
    void unparseable_accept_header_returns_406_still_as_problem_json() {
        assertProblem(mvc.get().uri("/api/users/999999").header(HttpHeaders.AUTHORIZATION, users.alice())
                        .header(HttpHeaders.ACCEPT, "garbage").exchange(), HttpStatus.NOT_ACCEPTABLE,
                "Acceptable representations: [application/json].");
    }

    @Test
    void asking_for_the_error_path_itself_returns_404_not_500() {
        assertProblem(mvc.get().uri("/error").exchange(), HttpStatus.NOT_FOUND, "No endpoint GET /error");
    }

    @Test
    void container_error_forwarded_to_the_error_path_is_problem_json() {
        // What Tomcat does after response.sendError(400) outside Spring MVC: an ERROR dispatch to /error.
        assertProblem(mvc.get().uri("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/users").exchange(),
                HttpStatus.BAD_REQUEST, "Bad Request", "/api/users");
    }

    @Test
    void container_error_for_a_path_with_characters_a_uri_forbids_has_the_path_quoted_as_instance() {
        // Tomcat can be told to accept "{" or "|" in a path (relaxedPathChars); the instance must still be a URI.
        assertProblem(mvc.get().uri("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/users/{id}|x").exchange(),
                HttpStatus.BAD_REQUEST, "Bad Request", "/api/users/%7Bid%7D%7Cx");
    }

    @Test
    void container_500_forwarded_to_the_error_path_hides_the_cause() {
        assertProblem(mvc.get().uri("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/users").exchange(),
                SERVER_ERROR, HttpStatus.INTERNAL_SERVER_ERROR, null, "/api/users")
                .bodyJson().extractingPath("$.detail").asString()
                .startsWith("An unexpected error occurred. Report error id ").doesNotContain("secret");
    }

    @Test
    void only_health_is_exposed_by_actuator() {
        assertProblem(mvc.get().uri("/actuator/env").header(HttpHeaders.AUTHORIZATION, users.admin()).exchange(),
                HttpStatus.NOT_FOUND, "No endpoint GET /actuator/env");
    }

    @Test
    void h2_console_is_not_exposed() {
        assertProblem(mvc.get().uri("/h2-console").header(HttpHeaders.AUTHORIZATION, users.admin()).exchange(),
                HttpStatus.NOT_FOUND, "No endpoint GET /h2-console");
    }
}
