package com.example.statuscodes.spec;

import com.example.statuscodes.errors.RequestId;
import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.example.statuscodes.support.Problem.assertProblem;
import static com.example.statuscodes.support.Writes.writeUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditional requests, the guide's 3xx branch with a real use: a strong ETag from the entity version,
 * 304 when the client's copy is current, 412 when a conditional write is based on a stale copy.
 */
@ApiTest
@DisplayName("304 Not Modified and 412 Precondition Failed: conditional requests")
class Status304And412ConditionalRequestsTest {

    private static final String STALE_DETAIL =
            "The user has changed since you fetched it (If-Match does not match the current ETag)";
    private static final String NONE_MATCH_DETAIL =
            "The user matches If-None-Match (it exists, with that ETag); the change was not made";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    UserRepository repository;

    /** The whole answer of each code, as a client sees it: a fixed X-Request-Id makes every member known. */
    @Test
    void get_with_the_current_etag_returns_304_with_exactly_these_headers_and_no_body() {
        User user = users.create("example-304");
        assertThat(mvc.get().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice())
                .header(HttpHeaders.IF_NONE_MATCH, "\"0\"").header(RequestId.HEADER, "example-304"))
                .hasStatus(HttpStatus.NOT_MODIFIED)
                .hasHeader(HttpHeaders.ETAG, "\"0\"")
                .hasHeader(RequestId.HEADER, "example-304")
                .doesNotContainHeader(HttpHeaders.CONTENT_TYPE)
                .body().isEmpty();
    }

    @Test
    void patch_with_a_stale_if_match_returns_412_with_exactly_this_body() {
        User user = users.create("example-412");
        assertThat(writeUser(mvc, HttpMethod.PATCH, user.getId(), users.tokenFor(user), "{\"age\": 52}")
                .header(HttpHeaders.IF_MATCH, "\"7\"").header(RequestId.HEADER, "example-412"))
                .hasStatus(HttpStatus.PRECONDITION_FAILED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(RequestId.HEADER, "example-412")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Precondition Failed", "status": 412,
                         "detail": "The user has changed since you fetched it (If-Match does not match the current ETag)",
                         "instance": "/api/users/%d", "requestId": "example-412"}
                        """.formatted(user.getId()));
    }

    @Nested
    @DisplayName("304 Not Modified")
    class NotModified {

        @Test
        void get_user_returns_a_strong_etag_from_its_version() {
            User user = users.create("etag");
            assertThat(mvc.get().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice()))
                    .hasStatusOk()
                    .hasHeader(HttpHeaders.ETAG, "\"0\"");
        }

        @Test
        void get_with_current_etag_in_if_none_match_returns_304_with_no_body() {
            User user = users.create("cached");
            assertThat(mvc.get().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(HttpHeaders.IF_NONE_MATCH, "\"0\""))
                    .hasStatus(HttpStatus.NOT_MODIFIED)
                    .hasHeader(HttpHeaders.ETAG, "\"0\"")
                    .body().isEmpty();
        }

        @Test
        void get_with_if_none_match_star_on_an_existing_user_returns_304() {
            // "*" matches any current representation: the client's copy, whatever it is, is of an existing user.
            User user = users.create("star-cached");
            assertThat(mvc.get().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(HttpHeaders.IF_NONE_MATCH, "*"))
                    .hasStatus(HttpStatus.NOT_MODIFIED)
                    .hasHeader(HttpHeaders.ETAG, "\"0\"")
                    .body().isEmpty();
        }

        @Test
        void get_with_a_weak_form_of_the_current_etag_returns_304() {
            // If-None-Match compares weakly (RFC 9110 §13.1.2): W/"0" names the same version for a cache.
            User user = users.create("weak-cached");
            assertThat(mvc.get().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(HttpHeaders.IF_NONE_MATCH, "W/\"0\""))
                    .hasStatus(HttpStatus.NOT_MODIFIED);
        }

        @Test
        void get_with_outdated_etag_returns_200_with_the_new_one() {
            User user = users.create("changed");
            String token = users.tokenFor(user);
            writeUser(mvc, HttpMethod.PATCH, user.getId(), token, "{\"age\": 50}").exchange();
            assertThat(mvc.get().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, token)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"0\""))
                    .hasStatusOk()
                    .hasHeader(HttpHeaders.ETAG, "\"1\"");
        }
    }

    @Nested
    @DisplayName("412 Precondition Failed")
    class PreconditionFailed {

        @Test
        void put_with_stale_if_match_returns_412_and_changes_nothing() {
            User user = users.create("lost-update");
            String token = users.tokenFor(user);
            writeUser(mvc, HttpMethod.PATCH, user.getId(), token, "{\"age\": 51}").exchange();

            assertProblem(mvc.put().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, token)
                            .header(HttpHeaders.IF_MATCH, "\"0\"")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"email\": \"%s\", \"age\": 99}".formatted(user.getEmail())).exchange(),
                    HttpStatus.PRECONDITION_FAILED, STALE_DETAIL);
            assertThat(repository.findById(user.getId())).get().extracting(User::getAge).isEqualTo(51);
        }

        @Test
        void patch_with_stale_if_match_returns_412() {
            User user = users.create("stale-patch");
            String token = users.tokenFor(user);
            assertProblem(mvc.patch().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, token)
                            .header(HttpHeaders.IF_MATCH, "\"7\"")
                            .contentType("application/merge-patch+json").content("{\"age\": 52}").exchange(),
                    HttpStatus.PRECONDITION_FAILED, STALE_DETAIL);
        }

        @Test
        void delete_with_stale_if_match_returns_412_and_keeps_the_user() {
            User user = users.create("stale-delete");
            assertProblem(mvc.delete().uri("/api/users/{id}", user.getId())
                            .header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                            .header(HttpHeaders.IF_MATCH, "\"3\"").exchange(),
                    HttpStatus.PRECONDITION_FAILED, STALE_DETAIL);
            assertThat(repository.findById(user.getId())).isPresent();
        }

        @Test
        void weak_etag_never_satisfies_if_match() {
            User user = users.create("weak");
            assertProblem(mvc.patch().uri("/api/users/{id}", user.getId())
                            .header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                            .header(HttpHeaders.IF_MATCH, "W/\"0\"")
                            .contentType("application/merge-patch+json").content("{\"age\": 53}").exchange(),
                    HttpStatus.PRECONDITION_FAILED, STALE_DETAIL);
        }

        @Test
        void put_with_current_if_match_returns_200_and_the_next_etag() {
            User user = users.create("fresh");
            assertThat(mvc.put().uri("/api/users/{id}", user.getId())
                    .header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                    .header(HttpHeaders.IF_MATCH, "\"0\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\", \"age\": 60}".formatted(user.getEmail())))
                    .hasStatusOk()
                    .hasHeader(HttpHeaders.ETAG, "\"1\"");
        }

        @Test
        void put_with_if_none_match_star_on_an_existing_user_returns_412_and_changes_nothing() {
            // "Only if it does not exist": it does, so the condition is false.
            User user = users.create("none-match-put");
            assertProblem(mvc.put().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                            .header(HttpHeaders.IF_NONE_MATCH, "*")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"email\": \"%s\", \"age\": 77}".formatted(user.getEmail())).exchange(),
                    HttpStatus.PRECONDITION_FAILED, NONE_MATCH_DETAIL);
            assertThat(repository.findById(user.getId())).get().extracting(User::getAge).isEqualTo(30);
        }

        @Test
        void patch_with_if_none_match_of_the_current_etag_returns_412_and_changes_nothing() {
            User user = users.create("none-match-patch");
            assertProblem(mvc.patch().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                            .header(HttpHeaders.IF_NONE_MATCH, "\"0\"")
                            .contentType("application/merge-patch+json").content("{\"age\": 78}").exchange(),
                    HttpStatus.PRECONDITION_FAILED, NONE_MATCH_DETAIL);
            assertThat(repository.findById(user.getId())).get().extracting(User::getAge).isEqualTo(30);
        }

        @Test
        void delete_with_if_none_match_star_returns_412_and_keeps_the_user() {
            User user = users.create("none-match-delete");
            assertProblem(mvc.delete().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                            .header(HttpHeaders.IF_NONE_MATCH, "*").exchange(),
                    HttpStatus.PRECONDITION_FAILED, NONE_MATCH_DETAIL);
            assertThat(repository.findById(user.getId())).isPresent();
        }

        @Test
        void patch_with_if_none_match_of_an_old_etag_succeeds() {
            User user = users.create("none-match-old");
            assertThat(mvc.patch().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                    .header(HttpHeaders.IF_NONE_MATCH, "\"5\"")
                    .contentType("application/merge-patch+json").content("{\"age\": 79}"))
                    .hasStatusOk()
                    .hasHeader(HttpHeaders.ETAG, "\"1\"");
        }

        @Test
        void if_match_star_matches_any_existing_user() {
            User user = users.create("star");
            assertThat(mvc.delete().uri("/api/users/{id}", user.getId())
                    .header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                    .header(HttpHeaders.IF_MATCH, "*"))
                    .hasStatus(HttpStatus.NO_CONTENT);
        }
    }
}
