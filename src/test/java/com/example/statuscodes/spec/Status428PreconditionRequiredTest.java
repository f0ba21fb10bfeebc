package com.example.statuscodes.spec;

import com.example.statuscodes.admin.AdminSettings;
import com.example.statuscodes.admin.AdminSettingsStore;
import com.example.statuscodes.errors.RequestId;
import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.AfterEach;
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
 * Beyond the guide: 428 Precondition Required (RFC 6585). With the admin setting {@code requireIfMatch} on, every
 * change of a user must name the version it changes; off (the default), the guide's plain {@code PUT} is a 200.
 */
@ApiTest
@DisplayName("428 Precondition Required: If-Match made mandatory by an admin")
class Status428PreconditionRequiredTest {

    private static final String DETAIL =
            "This API requires If-Match on every change of a user: send the ETag you got when you read it";

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

    private void requireIfMatch() {
        assertThat(mvc.put().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"signupsEnabled\": true, \"defaultPageSize\": 20, \"requireIfMatch\": true}"))
                .hasStatusOk()
                .bodyJson().extractingPath("$.requireIfMatch").isEqualTo(true);
    }

    /** The whole answer, as a client sees it: a fixed X-Request-Id makes every member known. */
    @Test
    void patch_without_if_match_returns_428_with_exactly_this_body() {
        requireIfMatch();
        User user = users.create("example-428");
        assertThat(writeUser(mvc, HttpMethod.PATCH, user.getId(), users.tokenFor(user), "{\"age\": 40}")
                .header(RequestId.HEADER, "example-428"))
                .hasStatus(HttpStatus.PRECONDITION_REQUIRED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(RequestId.HEADER, "example-428")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Precondition Required", "status": 428,
                         "detail": "This API requires If-Match on every change of a user: send the ETag you got when you read it",
                         "instance": "/api/users/%d", "requestId": "example-428"}
                        """.formatted(user.getId()));
    }

    @Nested
    @DisplayName("with requireIfMatch on")
    class On {

        @Test
        void put_without_if_match_returns_428_and_changes_nothing() {
            requireIfMatch();
            User user = users.create("unconditional");
            assertProblem(writeUser(mvc, HttpMethod.PUT, user.getId(), users.tokenFor(user),
                    "{\"email\": \"%s\", \"age\": 61}".formatted(user.getEmail())).exchange(),
                    HttpStatus.PRECONDITION_REQUIRED, DETAIL);
            assertThat(repository.findById(user.getId())).get().extracting(User::getAge).isEqualTo(30);
        }

        @Test
        void patch_without_if_match_returns_428_whatever_the_body() {
            requireIfMatch();
            User user = users.create("unconditional");
            assertProblem(writeUser(mvc, HttpMethod.PATCH, user.getId(), users.tokenFor(user),
                    "{\"age\": -1}").exchange(),
                    HttpStatus.PRECONDITION_REQUIRED, DETAIL);
        }

        @Test
        void delete_without_if_match_returns_428_and_keeps_the_user() {
            requireIfMatch();
            User user = users.create("unconditional");
            assertProblem(mvc.delete().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                    .exchange(), HttpStatus.PRECONDITION_REQUIRED, DETAIL);
            assertThat(repository.findById(user.getId())).isPresent();
        }

        @Test
        void put_with_the_current_if_match_returns_200() {
            requireIfMatch();
            User user = users.create("conditional");
            assertThat(mvc.put().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                    .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\", \"age\": 62}".formatted(user.getEmail())))
                    .hasStatusOk()
                    .hasHeader(HttpHeaders.ETAG, "\"1\"");
        }

        @Test
        void a_write_someone_may_not_make_is_still_a_403_first() {
            requireIfMatch();
            User victim = users.create("victim");
            assertProblem(mvc.delete().uri("/api/users/{id}", victim.getId()).header(HttpHeaders.AUTHORIZATION, users.alice())
                    .exchange(), HttpStatus.FORBIDDEN, "You can only change your own account");
        }

        @Test
        void reads_and_sign_ups_need_no_if_match() {
            requireIfMatch();
            assertThat(mvc.get().uri("/api/users/{id}", users.aliceId()).header(HttpHeaders.AUTHORIZATION, users.alice()))
                    .hasStatusOk();
            assertThat(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\"}".formatted(TestUsers.uniqueEmail("free")))).hasStatus(HttpStatus.CREATED);
        }
    }

    @Nested
    @DisplayName("with requireIfMatch off (the default)")
    class Off {

        @Test
        void the_setting_is_off_by_default() {
            assertThat(settings.current()).isEqualTo(AdminSettings.DEFAULTS);
            assertThat(settings.current().requireIfMatch()).isFalse();
        }

        @Test
        void the_guides_plain_put_returns_200() {
            User user = users.create("plain");
            assertThat(writeUser(mvc, HttpMethod.PUT, user.getId(), users.tokenFor(user),
                    "{\"email\": \"%s\", \"age\": 63}".formatted(user.getEmail())))
                    .hasStatusOk();
        }
    }
}
