package com.example.statuscodes.spec;

import com.example.statuscodes.admin.AdminSettings;
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
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.example.statuscodes.errors.ProblemType.VALIDATION;
import static com.example.statuscodes.support.Problem.assertErrors;
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
    private static final String MALFORMED_MESSAGE =
            "Must be * or a list of entity tags in double quotes, like \"3\" or \"1\", \"3\"";
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

        /**
         * RFC 9110 §15.4.5: a 304 MUST carry the Cache-Control and Expires a 200 would have had, or a cache that
         * refreshes its stored response from the 304 would keep stale directives. Spring Security writes its caching
         * headers on every response but a 304.
         */
        @Test
        void get_returns_304_with_the_cache_control_and_expires_of_the_200() {
            User user = users.create("cached-directives");
            assertThat(mvc.get().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice()))
                    .hasStatusOk()
                    .hasHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate")
                    .hasHeader(HttpHeaders.EXPIRES, "0");
            assertThat(mvc.get().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(HttpHeaders.IF_NONE_MATCH, "\"0\""))
                    .hasStatus(HttpStatus.NOT_MODIFIED)
                    .hasHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate")
                    .hasHeader(HttpHeaders.EXPIRES, "0");
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

    /**
     * {@code If-Match} on a GET (RFC 9110 §13.1.1: evaluated before the method is performed, whatever the method): a
     * client that asks for the user only as it was gets 412 once it changed, not a newer copy it did not ask for.
     * §13.2.2 evaluates If-Match first, so a false If-Match wins over an If-None-Match that would give a 304.
     * HEAD answers as GET does, without a body.
     */
    @Nested
    @DisplayName("412 and 400: If-Match on a GET")
    class IfMatchOnAGet {

        @Test
        void get_with_a_stale_if_match_returns_412_with_exactly_this_body() {
            User user = users.create("get-stale");
            assertThat(mvc.get().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(HttpHeaders.IF_MATCH, "\"9\"").header(RequestId.HEADER, "get-412"))
                    .hasStatus(HttpStatus.PRECONDITION_FAILED)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .hasHeader(RequestId.HEADER, "get-412")
                    .doesNotContainHeader(HttpHeaders.ETAG)
                    .bodyJson().isStrictlyEqualTo("""
                            {"type": "about:blank", "title": "Precondition Failed", "status": 412,
                             "detail": "The user has changed since you fetched it (If-Match does not match the current ETag)",
                             "instance": "/api/users/%d", "requestId": "get-412"}
                            """.formatted(user.getId()));
        }

        @Test
        void get_with_a_stale_if_match_and_a_matching_if_none_match_returns_412_not_304() {
            User user = users.create("get-stale-cached");
            assertProblem(mvc.get().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice())
                            .header(HttpHeaders.IF_NONE_MATCH, "\"0\"").header(HttpHeaders.IF_MATCH, "\"9\"").exchange(),
                    HttpStatus.PRECONDITION_FAILED, STALE_DETAIL);
        }

        @ParameterizedTest(name = "If-Match: [{0}]")
        @ValueSource(strings = {"\"0\"", "*", "\"4\", \"0\""})
        void get_with_an_if_match_that_holds_returns_200_with_the_user(String ifMatch) {
            User user = users.create("get-match");
            assertThat(mvc.get().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(HttpHeaders.IF_MATCH, ifMatch))
                    .hasStatusOk()
                    .hasHeader(HttpHeaders.ETAG, "\"0\"")
                    .bodyJson().extractingPath("$.id").isEqualTo(user.getId().intValue());
        }

        @Test
        void get_with_an_if_match_that_holds_and_a_matching_if_none_match_returns_304() {
            User user = users.create("get-match-cached");
            assertThat(mvc.get().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(HttpHeaders.IF_MATCH, "\"0\"").header(HttpHeaders.IF_NONE_MATCH, "\"0\""))
                    .hasStatus(HttpStatus.NOT_MODIFIED)
                    .hasHeader(HttpHeaders.ETAG, "\"0\"")
                    .body().isEmpty();
        }

        @Test
        void head_with_a_stale_if_match_returns_412_with_no_body() {
            User user = users.create("head-stale");
            assertThat(mvc.head().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(HttpHeaders.IF_MATCH, "\"9\""))
                    .hasStatus(HttpStatus.PRECONDITION_FAILED)
                    .doesNotContainHeader(HttpHeaders.ETAG)
                    .body().isEmpty();
        }

        @ParameterizedTest(name = "If-Match: [{0}]")
        @MethodSource("com.example.statuscodes.spec.Status304And412ConditionalRequestsTest$Status400MalformedConditions#malformed")
        void get_with_a_malformed_if_match_returns_400_naming_it(String ifMatch) {
            User user = users.create("get-bad-if-match");
            MvcTestResult result = mvc.get().uri("/api/users/{id}", user.getId())
                    .header(HttpHeaders.AUTHORIZATION, users.alice()).header(HttpHeaders.IF_MATCH, ifMatch).exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: If-Match");
            assertErrors(result, Map.of("If-Match", MALFORMED_MESSAGE));
            assertThat(result).doesNotContainHeader(HttpHeaders.ETAG);
        }

        @Test
        void get_with_both_headers_malformed_returns_400_naming_both() {
            User user = users.create("get-bad-both");
            MvcTestResult result = mvc.get().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(HttpHeaders.IF_MATCH, "9").header(HttpHeaders.IF_NONE_MATCH, "4").exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: If-Match, If-None-Match");
            assertErrors(result, Map.of("If-Match", MALFORMED_MESSAGE, "If-None-Match", MALFORMED_MESSAGE));
        }
    }

    /**
     * The admin settings carry no entity tag, so no tag a client names can be theirs: {@code If-Match} with a list of
     * tags is false (412) and only {@code *} ("as long as they exist") holds; {@code If-None-Match: *} is false for the
     * same reason. The values are read by the same grammar as a user's, with the same 400.
     */
    @Nested
    @DisplayName("304, 412 and 400: conditional requests on the admin settings")
    class AdminSettingsConditions {

        private static final String NEW_SETTINGS = "{\"signupsEnabled\": false, \"defaultPageSize\": 7}";
        private static final String SETTINGS_STALE_DETAIL =
                "The settings have no entity tag, so If-Match can only match them as *; the change was not made";
        private static final String SETTINGS_NONE_MATCH_DETAIL =
                "The settings exist, so If-None-Match: * is false; the change was not made";

        @Autowired
        AdminSettingsStore settings;

        @AfterEach
        void resetSettings() {
            TestUsers.asAdmin(settings::reset);
        }

        private MvcTestResult put(String header, String value) {
            return mvc.put().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                    .header(header, value).contentType(MediaType.APPLICATION_JSON).content(NEW_SETTINGS).exchange();
        }

        private MvcTestResult delete(String header, String value) {
            return mvc.delete().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                    .header(header, value).exchange();
        }

        private void changeSettings() {
            TestUsers.asAdmin(() -> settings.replace(new AdminSettings(false, 7)));
        }

        @Test
        void put_settings_with_an_entity_tag_in_if_match_returns_412_with_exactly_this_body_and_changes_nothing() {
            assertThat(mvc.put().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                    .header(HttpHeaders.IF_MATCH, "\"zzz\"").header(RequestId.HEADER, "settings-412")
                    .contentType(MediaType.APPLICATION_JSON).content(NEW_SETTINGS))
                    .hasStatus(HttpStatus.PRECONDITION_FAILED)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .hasHeader(RequestId.HEADER, "settings-412")
                    .bodyJson().isStrictlyEqualTo("""
                            {"type": "about:blank", "title": "Precondition Failed", "status": 412,
                             "detail": "The settings have no entity tag, so If-Match can only match them as *; the change was not made",
                             "instance": "/api/admin/settings", "requestId": "settings-412"}
                            """);
            assertThat(settings.current()).isEqualTo(AdminSettings.DEFAULTS);
        }

        @ParameterizedTest(name = "If-Match: [{0}]")
        @ValueSource(strings = {"\"zzz\"", "W/\"0\", \"1\"", ""})
        void delete_settings_with_entity_tags_in_if_match_returns_412_and_keeps_them(String ifMatch) {
            changeSettings();
            assertProblem(delete(HttpHeaders.IF_MATCH, ifMatch), HttpStatus.PRECONDITION_FAILED, SETTINGS_STALE_DETAIL);
            assertThat(settings.current()).isEqualTo(new AdminSettings(false, 7));
        }

        @Test
        void put_settings_with_if_match_star_returns_200_and_writes() {
            assertThat(put(HttpHeaders.IF_MATCH, "*")).hasStatusOk()
                    .bodyJson().isStrictlyEqualTo("{\"signupsEnabled\": false, \"defaultPageSize\": 7, \"requireIfMatch\": false}");
            assertThat(settings.current()).isEqualTo(new AdminSettings(false, 7));
        }

        @Test
        void delete_settings_with_if_match_star_returns_204_and_resets_them() {
            changeSettings();
            assertThat(delete(HttpHeaders.IF_MATCH, "*")).hasStatus(HttpStatus.NO_CONTENT);
            assertThat(settings.current()).isEqualTo(AdminSettings.DEFAULTS);
        }

        @Test
        void put_settings_with_if_none_match_star_returns_412_and_changes_nothing() {
            assertProblem(put(HttpHeaders.IF_NONE_MATCH, "*"), HttpStatus.PRECONDITION_FAILED, SETTINGS_NONE_MATCH_DETAIL);
            assertThat(settings.current()).isEqualTo(AdminSettings.DEFAULTS);
        }

        @Test
        void put_settings_with_if_none_match_of_an_entity_tag_returns_200_and_writes() {
            // No tag is theirs, so none matches: the condition holds.
            assertThat(put(HttpHeaders.IF_NONE_MATCH, "\"zzz\"")).hasStatusOk();
            assertThat(settings.current()).isEqualTo(new AdminSettings(false, 7));
        }

        @ParameterizedTest(name = "If-Match: [{0}]")
        @MethodSource("com.example.statuscodes.spec.Status304And412ConditionalRequestsTest$Status400MalformedConditions#malformed")
        void put_settings_with_a_malformed_if_match_returns_400_naming_it_and_changes_nothing(String ifMatch) {
            MvcTestResult result = put(HttpHeaders.IF_MATCH, ifMatch);
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: If-Match");
            assertErrors(result, Map.of("If-Match", MALFORMED_MESSAGE));
            assertThat(settings.current()).isEqualTo(AdminSettings.DEFAULTS);
        }

        @Test
        void delete_settings_with_a_malformed_if_match_returns_400_and_keeps_them() {
            changeSettings();
            MvcTestResult result = delete(HttpHeaders.IF_MATCH, "zzz");
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: If-Match");
            assertErrors(result, Map.of("If-Match", MALFORMED_MESSAGE));
            assertThat(settings.current()).isEqualTo(new AdminSettings(false, 7));
        }

        @Test
        void delete_settings_with_a_malformed_if_none_match_returns_400_naming_it() {
            MvcTestResult result = delete(HttpHeaders.IF_NONE_MATCH, "zzz");
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: If-None-Match");
            assertErrors(result, Map.of("If-None-Match", MALFORMED_MESSAGE));
        }

        /** A refusal is decided before the body is read: a false If-Match wins over a body that could not be used. */
        @ParameterizedTest(name = "body: {0}")
        @ValueSource(strings = {"{invalid", "{\"signupsEnabled\": true, \"defaultPageSize\": 0}"})
        void put_settings_with_a_false_if_match_and_an_invalid_body_returns_412_with_exactly_this_body(String body) {
            assertThat(mvc.put().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                    .header(HttpHeaders.IF_MATCH, "\"x\"").header(RequestId.HEADER, "settings-412-body")
                    .contentType(MediaType.APPLICATION_JSON).content(body))
                    .hasStatus(HttpStatus.PRECONDITION_FAILED)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().isStrictlyEqualTo("""
                            {"type": "about:blank", "title": "Precondition Failed", "status": 412,
                             "detail": "The settings have no entity tag, so If-Match can only match them as *; the change was not made",
                             "instance": "/api/admin/settings", "requestId": "settings-412-body"}
                            """);
            assertThat(settings.current()).isEqualTo(AdminSettings.DEFAULTS);
        }

        /** RFC 9110 §13.1.1: If-Match is evaluated whatever the method, so a GET answers what a PUT would. */
        @Test
        void get_settings_with_an_entity_tag_in_if_match_returns_412_with_exactly_this_body() {
            assertThat(mvc.get().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                    .header(HttpHeaders.IF_MATCH, "\"x\"").header(RequestId.HEADER, "settings-get-412"))
                    .hasStatus(HttpStatus.PRECONDITION_FAILED)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .hasHeader(RequestId.HEADER, "settings-get-412")
                    .bodyJson().isStrictlyEqualTo("""
                            {"type": "about:blank", "title": "Precondition Failed", "status": 412,
                             "detail": "The settings have no entity tag, so If-Match can only match them as *",
                             "instance": "/api/admin/settings", "requestId": "settings-get-412"}
                            """);
        }

        @Test
        void head_settings_with_an_entity_tag_in_if_match_returns_412_with_no_body() {
            assertThat(mvc.head().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                    .header(HttpHeaders.IF_MATCH, "\"x\""))
                    .hasStatus(HttpStatus.PRECONDITION_FAILED)
                    .body().isEmpty();
        }

        @ParameterizedTest(name = "If-Match: [{0}]")
        @MethodSource("com.example.statuscodes.spec.Status304And412ConditionalRequestsTest$Status400MalformedConditions#malformed")
        void get_settings_with_a_malformed_if_match_returns_400_naming_it(String ifMatch) {
            MvcTestResult result = mvc.get().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                    .header(HttpHeaders.IF_MATCH, ifMatch).exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: If-Match");
            assertErrors(result, Map.of("If-Match", MALFORMED_MESSAGE));
        }

        /** {@code *} matches the settings, which exist: the client's copy is of them, so a GET is a 304, not a 412. */
        @Test
        void get_settings_with_if_none_match_star_returns_304_with_the_cache_control_of_the_200_and_no_body() {
            assertThat(mvc.get().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin()))
                    .hasStatusOk()
                    .hasHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate")
                    .hasHeader(HttpHeaders.EXPIRES, "0");
            assertThat(mvc.get().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                    .header(HttpHeaders.IF_NONE_MATCH, "*"))
                    .hasStatus(HttpStatus.NOT_MODIFIED)
                    .hasHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate")
                    .hasHeader(HttpHeaders.EXPIRES, "0")
                    .doesNotContainHeader(HttpHeaders.CONTENT_TYPE)
                    .body().isEmpty();
        }

        @Test
        void head_settings_with_if_none_match_star_returns_304() {
            assertThat(mvc.head().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                    .header(HttpHeaders.IF_NONE_MATCH, "*"))
                    .hasStatus(HttpStatus.NOT_MODIFIED)
                    .body().isEmpty();
        }

        @Test
        void get_settings_with_if_none_match_of_an_entity_tag_returns_200() {
            assertThat(mvc.get().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                    .header(HttpHeaders.IF_NONE_MATCH, "\"x\""))
                    .hasStatusOk()
                    .bodyJson().isStrictlyEqualTo("{\"signupsEnabled\": true, \"defaultPageSize\": 20, \"requireIfMatch\": false}");
        }
    }

    /**
     * Conditional writes that race: every request below carries the same, current {@code If-Match}, and all pass the
     * check before any of them writes. One wins; for each of the others the tag it named is no longer the user's, which
     * is what 412 says. 409 stays for a write that named no version (see {@code UserServiceConflictTest}). Several
     * rounds, so that a pass is not the luck of one schedule.
     */
    @Nested
    @DisplayName("412: conditional writes that lose a race")
    class Status412LostRace {

        private static final int WRITERS = 4;
        private static final int ROUNDS = 5;

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"PATCH", "PUT", "DELETE"})
        void of_concurrent_writes_with_the_same_if_match_one_succeeds_and_every_other_gets_412(String method)
                throws Exception {
            for (int round = 0; round < ROUNDS; round++) {
                User user = users.create("race-" + method);
                // an admin deletes: the user's own token stops working (401) once the account is gone
                String token = method.equals("DELETE") ? users.admin() : users.tokenFor(user);
                CyclicBarrier start = new CyclicBarrier(WRITERS);
                ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
                try {
                    List<Future<Integer>> statuses = new ArrayList<>();
                    for (int writer = 0; writer < WRITERS; writer++) {
                        int age = 40 + writer;
                        statuses.add(pool.submit(() -> {
                            start.await();
                            return raceWrite(HttpMethod.valueOf(method), user, token, age).getResponse().getStatus();
                        }));
                    }
                    List<Integer> answers = new ArrayList<>();
                    for (Future<Integer> status : statuses) {
                        answers.add(status.get(10, TimeUnit.SECONDS));
                    }
                    if (method.equals("DELETE")) { // a DELETE that reads after the winner committed finds no user: 404 first
                        assertThat(answers).as("round %d", round).containsOnlyOnce(204).isSubsetOf(204, 404, 412);
                    } else {
                        assertThat(answers).as("round %d", round).containsOnlyOnce(200).containsOnly(200, 412);
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
        }

        private MvcTestResult raceWrite(HttpMethod method, User user, String token, int age) {
            String body = switch (method.name()) {
                case "PATCH" -> "{\"age\": %d}".formatted(age);
                case "PUT" -> "{\"email\": \"%s\", \"age\": %d}".formatted(user.getEmail(), age);
                default -> null;
            };
            return writeUser(mvc, method, user.getId(), token, body).header(HttpHeaders.IF_MATCH, "\"0\"").exchange();
        }
    }

    /**
     * {@code If-Match} and {@code If-None-Match} are {@code "*" / #entity-tag} (RFC 9110 §13.1.1, §13.1.2), an
     * entity-tag being {@code [W/]"..."} (§8.8.3). A value outside that grammar is a 400 naming the header: read
     * leniently, {@code "0"junk} would be {@code "0"} and a condition the client never wrote would decide the write.
     * The RFC asks to ignore only the unreadable dates of the date conditions, not these; a GET refuses them too,
     * so a client whose cache never revalidates finds out why. Preconditions are judged only where the answer
     * without them would be a 2xx (§13.2.1): a 403 or 404 comes first.
     */
    @Nested
    @DisplayName("400: If-Match or If-None-Match outside RFC 9110's grammar")
    class Status400MalformedConditions {

        @Autowired
        AdminSettingsStore settings;

        private static final String IF_MATCH_DETAIL = "Invalid request parameter: If-Match";
        private static final String IF_NONE_MATCH_DETAIL = "Invalid request parameter: If-None-Match";
        private static final String MESSAGE = "Must be * or a list of entity tags in double quotes, like \"3\" or \"1\", \"3\"";

        /** Malformed values that, read leniently, name the current tag "0" or nothing at all. */
        static Stream<String> malformed() {
            return Stream.of("\"0\"junk", "*, \"0\"", "*, *", "W/", "0", "\"0", "0\"", "W/0", "w/\"0\"", "W /\"0\"",
                    "\"0\" \"1\"", "\"0\";", "\"0\", junk", "\"a b\"", "\"0\"\"1\"");
        }

        @ParameterizedTest(name = "If-Match: [{0}]")
        @MethodSource("malformed")
        void patch_with_a_malformed_if_match_returns_400_naming_it_and_changes_nothing(String ifMatch) {
            User user = users.create("bad-if-match");
            StoredUser before = StoredUser.read(repository, user.getId());
            MvcTestResult result = mvc.patch().uri("/api/users/{id}", user.getId())
                    .header(HttpHeaders.AUTHORIZATION, users.tokenFor(user)).header(HttpHeaders.IF_MATCH, ifMatch)
                    .contentType("application/merge-patch+json").content("{\"age\": 54}").exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, IF_MATCH_DETAIL);
            assertErrors(result, Map.of("If-Match", MESSAGE));
            assertThat(StoredUser.read(repository, user.getId())).isEqualTo(before);
        }

        @Test
        void put_with_a_malformed_if_match_returns_400_and_changes_nothing() {
            User user = users.create("bad-if-match-put");
            StoredUser before = StoredUser.read(repository, user.getId());
            MvcTestResult result = mvc.put().uri("/api/users/{id}", user.getId())
                    .header(HttpHeaders.AUTHORIZATION, users.tokenFor(user)).header(HttpHeaders.IF_MATCH, "\"0\"junk")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"%s\", \"age\": 55}".formatted(user.getEmail())).exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, IF_MATCH_DETAIL);
            assertErrors(result, Map.of("If-Match", MESSAGE));
            assertThat(StoredUser.read(repository, user.getId())).isEqualTo(before);
        }

        @Test
        void delete_with_a_malformed_if_match_returns_400_and_keeps_the_user() {
            User user = users.create("bad-if-match-delete");
            StoredUser before = StoredUser.read(repository, user.getId());
            MvcTestResult result = mvc.delete().uri("/api/users/{id}", user.getId())
                    .header(HttpHeaders.AUTHORIZATION, users.tokenFor(user)).header(HttpHeaders.IF_MATCH, "*, \"0\"").exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, IF_MATCH_DETAIL);
            assertErrors(result, Map.of("If-Match", MESSAGE));
            assertThat(StoredUser.read(repository, user.getId())).isEqualTo(before);
        }

        @Test
        void a_malformed_if_match_is_a_400_also_when_if_match_is_required() {
            // The header is there, so the 428 does not apply; what it says cannot be read.
            User user = users.create("bad-if-match-required");
            StoredUser before = StoredUser.read(repository, user.getId());
            try {
                assertThat(mvc.put().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signupsEnabled\": true, \"defaultPageSize\": 20, \"requireIfMatch\": true}"))
                        .hasStatusOk();
                MvcTestResult result = mvc.patch().uri("/api/users/{id}", user.getId())
                        .header(HttpHeaders.AUTHORIZATION, users.tokenFor(user)).header(HttpHeaders.IF_MATCH, "0")
                        .contentType("application/merge-patch+json").content("{\"age\": 56}").exchange();
                assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, IF_MATCH_DETAIL);
                assertErrors(result, Map.of("If-Match", MESSAGE));
            } finally {
                TestUsers.asAdmin(settings::reset);
            }
            assertThat(StoredUser.read(repository, user.getId())).isEqualTo(before);
        }

        @Test
        void patch_with_a_malformed_if_none_match_returns_400_naming_it_and_changes_nothing() {
            User user = users.create("bad-if-none-match");
            StoredUser before = StoredUser.read(repository, user.getId());
            MvcTestResult result = mvc.patch().uri("/api/users/{id}", user.getId())
                    .header(HttpHeaders.AUTHORIZATION, users.tokenFor(user)).header(HttpHeaders.IF_NONE_MATCH, "\"5\"junk")
                    .contentType("application/merge-patch+json").content("{\"age\": 57}").exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, IF_NONE_MATCH_DETAIL);
            assertErrors(result, Map.of("If-None-Match", MESSAGE));
            assertThat(StoredUser.read(repository, user.getId())).isEqualTo(before);
        }

        @Test
        void a_write_with_both_headers_malformed_returns_400_naming_both() {
            User user = users.create("bad-both");
            StoredUser before = StoredUser.read(repository, user.getId());
            MvcTestResult result = mvc.delete().uri("/api/users/{id}", user.getId())
                    .header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                    .header(HttpHeaders.IF_MATCH, "0").header(HttpHeaders.IF_NONE_MATCH, "5").exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: If-Match, If-None-Match");
            assertErrors(result, Map.of("If-Match", MESSAGE, "If-None-Match", MESSAGE));
            assertThat(StoredUser.read(repository, user.getId())).isEqualTo(before);
        }

        @ParameterizedTest(name = "If-None-Match: [{0}]")
        @MethodSource("malformed")
        void get_with_a_malformed_if_none_match_returns_400_naming_it(String ifNoneMatch) {
            User user = users.create("bad-get");
            MvcTestResult result = mvc.get().uri("/api/users/{id}", user.getId())
                    .header(HttpHeaders.AUTHORIZATION, users.alice()).header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch).exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, IF_NONE_MATCH_DETAIL);
            assertErrors(result, Map.of("If-None-Match", MESSAGE));
            assertThat(result).doesNotContainHeader(HttpHeaders.ETAG);
        }

        @Test
        void get_of_a_missing_user_with_a_malformed_if_none_match_is_a_404() {
            assertProblem(mvc.get().uri("/api/users/{id}", 999_999).header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(HttpHeaders.IF_NONE_MATCH, "\"0\"junk").exchange(), HttpStatus.NOT_FOUND, "User not found");
        }

        @Test
        void a_write_someone_may_not_make_with_a_malformed_if_match_is_a_403() {
            User user = users.create("bad-if-match-other");
            StoredUser before = StoredUser.read(repository, user.getId());
            assertThat(mvc.patch().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(HttpHeaders.IF_MATCH, "\"0\"junk")
                    .contentType("application/merge-patch+json").content("{\"age\": 58}"))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(StoredUser.read(repository, user.getId())).isEqualTo(before);
        }
    }

    /**
     * Valid values that are not a single tag: a list matches when any member does, If-Match comparing strongly
     * (§13.1.1: a weak member never matches a write) and If-None-Match weakly (§13.1.2). An empty list is valid
     * grammar naming no version: If-Match fails (412), If-None-Match holds.
     */
    @Nested
    @DisplayName("412 and 2xx: lists of entity tags")
    class Status412EntityTagLists {

        private MvcTestResult patchAge(User user, String ifMatch, int age) {
            return mvc.patch().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                    .header(HttpHeaders.IF_MATCH, ifMatch)
                    .contentType("application/merge-patch+json").content("{\"age\": %d}".formatted(age)).exchange();
        }

        @ParameterizedTest(name = "If-Match: [{0}]")
        @ValueSource(strings = {"\"1\", \"0\"", "\"0\", \"3\"", " \"7\" ,, \"0\" ", "W/\"0\", \"0\"", "\"0\",\"0,1\""})
        void patch_with_an_if_match_list_that_names_the_current_etag_returns_200(String ifMatch) {
            User user = users.create("list-match");
            assertThat(patchAge(user, ifMatch, 60)).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"1\"");
            assertThat(repository.findById(user.getId())).get().extracting(User::getAge).isEqualTo(60);
        }

        @ParameterizedTest(name = "If-Match: [{0}]")
        @ValueSource(strings = {"\"1\", \"3\"", "\"1\", W/\"0\"", "\"0,1\"", "\"\"", "", ",", " , ,"})
        void patch_with_an_if_match_list_that_does_not_name_the_current_etag_strongly_returns_412_and_changes_nothing(
                String ifMatch) {
            User user = users.create("list-stale");
            StoredUser before = StoredUser.read(repository, user.getId());
            assertProblem(patchAge(user, ifMatch, 61), HttpStatus.PRECONDITION_FAILED, STALE_DETAIL);
            assertThat(StoredUser.read(repository, user.getId())).isEqualTo(before);
        }

        @Test
        void if_match_sent_on_two_header_lines_is_one_list() {
            // RFC 9110 §5.3: field lines with the same name are one comma-separated list.
            User user = users.create("list-lines");
            assertThat(mvc.delete().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                    .header(HttpHeaders.IF_MATCH, "\"4\"", "\"0\""))
                    .hasStatus(HttpStatus.NO_CONTENT);
            assertThat(repository.findById(user.getId())).isEmpty();
        }

        @ParameterizedTest(name = "If-None-Match: [{0}]")
        @ValueSource(strings = {"\"4\", W/\"0\"", "\"0\", \"4\"", "W/\"9\",W/\"0\""})
        void get_with_an_if_none_match_list_that_names_the_current_etag_weakly_returns_304(String ifNoneMatch) {
            User user = users.create("list-cached");
            assertThat(mvc.get().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch))
                    .hasStatus(HttpStatus.NOT_MODIFIED)
                    .hasHeader(HttpHeaders.ETAG, "\"0\"")
                    .body().isEmpty();
        }

        @ParameterizedTest(name = "If-None-Match: [{0}]")
        @ValueSource(strings = {"\"4\", W/\"5\"", "\"0,4\"", "", ","})
        void get_with_an_if_none_match_list_that_does_not_name_the_current_etag_returns_200(String ifNoneMatch) {
            User user = users.create("list-fresh");
            assertThat(mvc.get().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch))
                    .hasStatusOk()
                    .hasHeader(HttpHeaders.ETAG, "\"0\"")
                    .bodyJson().extractingPath("$.id").isEqualTo(user.getId().intValue());
        }
    }
}
