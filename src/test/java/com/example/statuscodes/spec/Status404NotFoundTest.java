package com.example.statuscodes.spec;

import com.example.statuscodes.errors.RequestId;
import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.users.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The guide's 404: the resource does not exist (the id itself is well-formed, or it would be a 400). */
@ApiTest
@DisplayName("404 Not Found: no such resource")
class Status404NotFoundTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;

    /** The whole answer, as a client sees it: a fixed X-Request-Id makes every member known. */
    @Test
    void get_unknown_user_returns_404_with_exactly_this_body() {
        assertThat(mvc.get().uri("/api/users/999999").header(HttpHeaders.AUTHORIZATION, users.alice())
                .header(RequestId.HEADER, "example-404"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(RequestId.HEADER, "example-404")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "User not found",
                         "instance": "/api/users/999999", "requestId": "example-404"}
                        """);
    }

    @Test
    void get_unknown_user_returns_404_user_not_found() {
        assertProblem(mvc.get().uri("/api/users/999999").header(HttpHeaders.AUTHORIZATION, users.alice()).exchange(),
                HttpStatus.NOT_FOUND, "User not found");
    }

    @Test
    void admin_put_on_unknown_user_returns_404() {
        assertProblem(mvc.put().uri("/api/users/999999").header(HttpHeaders.AUTHORIZATION, users.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"ghost@example.com\"}").exchange(),
                HttpStatus.NOT_FOUND, "User not found");
    }

    @Test
    void delete_twice_returns_204_then_404() {
        User user = users.create("twice");
        assertThat(mvc.delete().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.admin()))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertProblem(mvc.delete().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.admin())
                .exchange(), HttpStatus.NOT_FOUND, "User not found");
    }

    @Test
    void unknown_route_returns_404_naming_it() {
        assertProblem(mvc.get().uri("/api/nowhere").header(HttpHeaders.AUTHORIZATION, users.alice()).exchange(),
                HttpStatus.NOT_FOUND, "No endpoint GET /api/nowhere");
    }
}
