package com.example.statuscodes.spec;

import ch.qos.logback.classic.Level;
import com.example.statuscodes.errors.RequestId;
import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.LogCapture;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.users.Role;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
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
 * The guide's 409: a fine request that conflicts with the current state. The database's unique constraint
 * decides (see {@code RealServerTest} for the concurrent race); an optimistic-lock conflict is a 409 too
 * ({@code UserServiceConflictTest}).
 */
@ApiTest
@DisplayName("409 Conflict: clashes with the current state")
class Status409ConflictTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    UserRepository repository;

    /** The whole answer, as a client sees it: a fixed X-Request-Id makes every member known. */
    @Test
    void post_duplicate_email_returns_409_with_exactly_this_body() {
        assertThat(mvc.post().uri("/api/users").header(RequestId.HEADER, "example-409")
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"alice@example.com\"}"))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(RequestId.HEADER, "example-409")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Conflict", "status": 409,
                         "detail": "A user with this email already exists", "instance": "/api/users",
                         "requestId": "example-409"}
                        """);
    }

    /**
     * A 409 is the client's business, not the server's: nothing at WARN or above, and the e-mail address the
     * database names in its constraint violation never reaches the log.
     */
    @Test
    void post_duplicate_email_logs_no_warning_and_not_the_address() {
        try (LogCapture log = LogCapture.of(Logger.ROOT_LOGGER_NAME).start()) {
            assertThat(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"alice@example.com\"}")).hasStatus(HttpStatus.CONFLICT);
            assertThat(log.events()).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                    .as("warnings and errors logged").isEmpty();
            assertThat(log.lines()).noneMatch(line -> line.contains("alice@example.com"));
        }
    }

    @Test
    void post_duplicate_email_returns_409_with_message() {
        assertProblem(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"alice@example.com\"}").exchange(),
                HttpStatus.CONFLICT, "A user with this email already exists");
    }

    @Test
    void post_duplicate_email_in_other_case_returns_409() {
        assertProblem(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"Alice@EXAMPLE.com\"}").exchange(),
                HttpStatus.CONFLICT, "A user with this email already exists");
    }

    @Test
    void put_email_taken_by_another_user_returns_409_and_changes_nothing() {
        User user = users.create("mover");
        assertProblem(writeUser(mvc, HttpMethod.PUT, user.getId(), users.tokenFor(user),
                "{\"email\": \"alice@example.com\"}").exchange(),
                HttpStatus.CONFLICT, "A user with this email already exists");
        assertThat(repository.findById(user.getId())).get().extracting(User::getEmail).isEqualTo(user.getEmail());
    }

    @Test
    void patch_email_taken_by_another_user_returns_409() {
        User user = users.create("mover");
        assertProblem(writeUser(mvc, HttpMethod.PATCH, user.getId(), users.tokenFor(user),
                "{\"email\": \"ALICE@example.com\"}").exchange(),
                HttpStatus.CONFLICT, "A user with this email already exists");
    }

    @Test
    void put_own_unchanged_email_is_not_a_conflict() {
        User user = users.create("same");
        assertThat(writeUser(mvc, HttpMethod.PUT, user.getId(), users.tokenFor(user),
                "{\"email\": \"%s\"}".formatted(user.getEmail())))
                .hasStatusOk();
    }

    @Nested
    @DisplayName("the last admin")
    class LastAdmin {

        /** Given: the demo admin is the only admin (other tests may have promoted throw-away users). */
        @BeforeEach
        void theDemoAdminIsTheOnlyAdmin() {
            repository.findAll().stream()
                    .filter(user -> user.getRole() == Role.ADMIN && !user.getEmail().equals("admin@example.com"))
                    .forEach(user -> {
                        user.changeRole(Role.USER);
                        repository.save(user);
                    });
        }

        @Test
        void demoting_the_last_admin_returns_409_and_keeps_the_role() {
            assertProblem(writeUser(mvc, HttpMethod.PATCH, users.adminId(), users.admin(),
                    "{\"role\": \"USER\"}").exchange(),
                    HttpStatus.CONFLICT, "This is the last admin; make another user an admin first");
            assertThat(repository.findById(users.adminId())).get().extracting(User::getRole).isEqualTo(Role.ADMIN);
        }

        @Test
        void demoting_the_last_admin_with_put_returns_409() {
            assertProblem(writeUser(mvc, HttpMethod.PUT, users.adminId(), users.admin(),
                    "{\"email\": \"admin@example.com\", \"role\": \"USER\"}").exchange(),
                    HttpStatus.CONFLICT, "This is the last admin; make another user an admin first");
        }

        @Test
        void deleting_the_last_admin_returns_409_and_keeps_the_account() {
            assertProblem(mvc.delete().uri("/api/users/{id}", users.adminId()).header(HttpHeaders.AUTHORIZATION, users.admin())
                            .exchange(),
                    HttpStatus.CONFLICT, "This is the last admin; make another user an admin first");
            assertThat(repository.findById(users.adminId())).isPresent();
        }

        @Test
        void an_admin_can_be_demoted_while_another_remains() {
            User second = users.create("second-admin");
            assertThat(patchRole(second, "ADMIN")).hasStatusOk();
            assertThat(patchRole(second, "USER")).hasStatusOk();
            assertThat(repository.findById(second.getId())).get().extracting(User::getRole).isEqualTo(Role.USER);
        }

        private MvcTestResult patchRole(User user, String role) {
            return writeUser(mvc, HttpMethod.PATCH, user.getId(), users.admin(),
                    "{\"role\": \"%s\"}".formatted(role)).exchange();
        }
    }
}
