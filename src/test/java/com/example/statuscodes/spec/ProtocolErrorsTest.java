package com.example.statuscodes.spec;

import ch.qos.logback.classic.Level;
import com.example.statuscodes.errors.Problems;
import com.example.statuscodes.errors.RequestId;
import com.example.statuscodes.requestbody.RequestBodyTimeoutException;
import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.LogCapture;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Duration;

import static com.example.statuscodes.errors.ProblemType.SERVER_ERROR;
import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codes every HTTP client expects beyond the guide's list: 405, 406, 415, 501, in the same problem shape (413:
 * {@code Status413ContentTooLargeTest}).
 */
@ApiTest
@DisplayName("405, 406, 415, 501: the protocol's own errors")
class ProtocolErrorsTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    UserRepository repository;

    /** The whole answer of each code, as a client sees it: a fixed X-Request-Id makes every member known. */
    @Test
    void post_on_a_user_returns_405_with_exactly_this_body_and_allow() {
        assertThat(mvc.post().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, users.alice())
                .header(RequestId.HEADER, "example-405"))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(HttpHeaders.ALLOW, "GET, HEAD, PATCH, PUT, DELETE, OPTIONS")
                .hasHeader(RequestId.HEADER, "example-405")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Method Not Allowed", "status": 405,
                         "detail": "Method 'POST' is not supported.", "instance": "/api/users/1",
                         "requestId": "example-405"}
                        """);
    }

    /** RFC 9110 §9.1: a method the server does not know is 501, not the firewall's 400 "characters not allowed". */
    @Test
    void unknown_method_returns_501_with_exactly_this_body() {
        assertThat(mvc.method(HttpMethod.valueOf("BREW")).uri("/api/users/1").header(RequestId.HEADER, "example-501"))
                .hasStatus(HttpStatus.NOT_IMPLEMENTED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .doesNotContainHeader(HttpHeaders.ALLOW)
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Not Implemented", "status": 501,
                         "detail": "Method 'BREW' is not implemented by this server", "instance": "/api/users/1",
                         "requestId": "example-501"}
                        """);
    }

    /**
     * Method names are case-sensitive, so a lowercase {@code get} is unknown too. 501 comes first, whatever the path
     * (an unknown one included) and with or without a token: no resource implements the method.
     */
    @ParameterizedTest(name = "{0} {1} (token: {2}) → 501")
    @CsvSource(delimiter = '|', value = {
            "QUERY  | /api/users         | false",
            "QUERY  | /api/users         | true",
            "get    | /api/users/1       | true",
            "Get    | /api/me            | false",
            "BREW   | /api/nowhere       | true",
            "PURGE  | /actuator/health   | false",
            "LINK   | /.well-known/oauth-protected-resource | false"})
    void a_method_this_server_does_not_know_returns_501_on_every_path(String method, String path, boolean token) {
        var request = mvc.method(HttpMethod.valueOf(method)).uri(path);
        if (token) {
            request = request.header(HttpHeaders.AUTHORIZATION, users.alice());
        }
        assertProblem(request.exchange(), HttpStatus.NOT_IMPLEMENTED,
                "Method '" + method + "' is not implemented by this server");
    }

    @Test
    void accept_xml_returns_406_with_exactly_this_body() {
        assertThat(mvc.get().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, users.alice())
                .accept(MediaType.APPLICATION_XML).header(RequestId.HEADER, "example-406"))
                .hasStatus(HttpStatus.NOT_ACCEPTABLE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(HttpHeaders.ACCEPT, "application/json")
                .hasHeader(RequestId.HEADER, "example-406")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Not Acceptable", "status": 406,
                         "detail": "Acceptable representations: [application/json].", "instance": "/api/users/1",
                         "requestId": "example-406"}
                        """);
    }

    @Test
    void post_text_plain_returns_415_with_exactly_this_body_and_accept() {
        assertThat(mvc.post().uri("/api/users").contentType(MediaType.TEXT_PLAIN).content("hello")
                .header(RequestId.HEADER, "example-415"))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(HttpHeaders.ACCEPT, "application/json")
                .hasHeader(RequestId.HEADER, "example-415")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Unsupported Media Type", "status": 415,
                         "detail": "Content-Type 'text/plain' is not supported; use application/json",
                         "instance": "/api/users", "requestId": "example-415"}
                        """);
    }

    /**
     * The answer's Content-Type is the API's: Spring copied the parameters of the matching Accept range into it
     * ({@code application/json;version=9}), a type the API never produces.
     */
    @ParameterizedTest(name = "Accept: {0} → 200, Content-Type: application/json")
    @ValueSource(strings = {"application/json;version=9", "application/json; foo=bar; q=0.5", "*/*;version=2",
            "application/*;x=y", "application/json;charset=utf-8", "application/json;q=1;ext=\"a b\""})
    void parameters_of_accept_never_reach_the_content_type(String accept) {
        assertThat(mvc.get().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, users.alice())
                .header(HttpHeaders.ACCEPT, accept))
                .hasStatusOk().hasHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    }

    /** The class, generated: any parameters on any range that matches JSON. */
    @Test
    void no_generated_accept_parameter_reaches_the_content_type() {
        java.util.Random random = new java.util.Random(20261205L);
        String[] ranges = {"application/json", "application/*", "*/*"};
        String[] names = {"version", "v", "profile", "level", "foo", "x-y"}; // charset: a test of its own
        String[] values = {"1", "9", "\"quoted\"", "utf-8", "UTF-8", "abc"};
        for (int i = 0; i < 60; i++) {
            StringBuilder accept = new StringBuilder(ranges[random.nextInt(ranges.length)]);
            for (int parameter = random.nextInt(1, 4); parameter > 0; parameter--) {
                accept.append(random.nextBoolean() ? ";" : "; ").append(names[random.nextInt(names.length)])
                        .append('=').append(values[random.nextInt(values.length)]);
            }
            assertThat(mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(HttpHeaders.ACCEPT, accept.toString()))
                    .as("Accept: " + accept).hasStatusOk().hasHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        }
    }

    /** A problem's Content-Type is fixed too, whatever parameters the Accept range had. */
    @Test
    void parameters_of_accept_never_reach_a_problems_content_type() {
        assertThat(mvc.get().uri("/api/users/999999").header(HttpHeaders.AUTHORIZATION, users.alice())
                .header(HttpHeaders.ACCEPT, "application/problem+json;version=9, application/json;version=9"))
                .hasStatus(HttpStatus.NOT_FOUND).hasHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json");
    }

    /**
     * RFC 9110 §12.5.1: {@code q=0} means "not acceptable", and the most specific range that matches a type decides;
     * Spring matched ranges without their weight and answered {@code application/json;q=0} in JSON.
     */
    @ParameterizedTest(name = "Accept: {0} → 406")
    @ValueSource(strings = {"application/json;q=0", "application/json;q=0.000", "*/*;q=0", "application/*;q=0",
            "*/*, application/json;q=0", "application/*;q=1, application/json;q=0", "application/json;q=0, text/html",
            "application/json;q=0, application/problem+json", "application/json;q=0;version=9, */*;q=1"})
    void a_json_range_with_q_0_returns_406(String accept) {
        assertThat(mvc.get().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, users.alice())
                .header(HttpHeaders.ACCEPT, accept).header(RequestId.HEADER, "example-406-q0"))
                .hasStatus(HttpStatus.NOT_ACCEPTABLE)
                .hasHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .hasHeader(HttpHeaders.ACCEPT, "application/json")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Not Acceptable", "status": 406,
                         "detail": "Acceptable representations: [application/json].", "instance": "/api/users/1",
                         "requestId": "example-406-q0"}
                        """);
    }

    @ParameterizedTest(name = "Accept: {0} → 200")
    @ValueSource(strings = {"*/*;q=0.001", "text/html;q=0, */*", "application/*;q=0, application/json;q=0.1",
            "*/*;q=0, application/json", "application/problem+json;q=0, application/json"})
    void json_with_a_weight_above_0_is_acceptable(String accept) {
        assertThat(mvc.get().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, users.alice())
                .header(HttpHeaders.ACCEPT, accept))
                .hasStatusOk().hasHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    }

    /** Refused before the handler: a write with q=0 for JSON changes nothing. */
    @Test
    void a_write_whose_answer_is_not_acceptable_changes_nothing() {
        User user = users.create("q-zero");
        assertProblem(mvc.patch().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                        .header(HttpHeaders.ACCEPT, "application/json;q=0")
                        .contentType("application/merge-patch+json").content("{\"age\": 44}").exchange(),
                HttpStatus.NOT_ACCEPTABLE, "Acceptable representations: [application/json].");
        assertThat(repository.findById(user.getId())).get().extracting(User::getAge).isEqualTo(30);
    }

    /**
     * An error is answered even when its type has q=0: a client that refuses problem+json still needs to learn
     * that its request failed, and RFC 9110 §12.1 lets a server disregard Accept rather than answer 406 on top of
     * the error. So every error stays {@code application/problem+json}.
     */
    @ParameterizedTest(name = "Accept: {0}, unknown user → 404 in problem+json")
    @ValueSource(strings = {"application/json;q=0.5, application/problem+json;q=0", "application/json, application/problem+json;q=0",
            "application/json, */*;q=0"})
    void an_error_is_answered_as_a_problem_even_when_accept_refuses_problem_json(String accept) {
        assertProblem(mvc.get().uri("/api/users/999999").header(HttpHeaders.AUTHORIZATION, users.alice())
                .header(HttpHeaders.ACCEPT, accept).exchange(), HttpStatus.NOT_FOUND, "User not found");
    }

    @Test
    void post_on_a_user_returns_405_with_allow() {
        assertProblem(mvc.post().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, users.alice()).exchange(),
                HttpStatus.METHOD_NOT_ALLOWED, "Method 'POST' is not supported.")
                .headers().hasHeaderSatisfying(HttpHeaders.ALLOW, allow -> assertThat(allow.get(0).split(", "))
                        .containsExactlyInAnyOrder("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"));
    }

    /**
     * {@code Allow} lists each route's methods in one documented order ({@code errors.AllowedMethods.ORDER}),
     * whichever method was refused and however often: a client or a cache comparing answers sees the same header.
     */
    @ParameterizedTest(name = "{0} {1} → 405, Allow: {2}")
    @CsvSource(delimiter = '|', value = {
            "POST   | /api/users/1        | GET, HEAD, PATCH, PUT, DELETE, OPTIONS",
            "PUT    | /api/users          | GET, HEAD, POST, OPTIONS",
            "PATCH  | /api/users          | GET, HEAD, POST, OPTIONS",
            "DELETE | /api/users          | GET, HEAD, POST, OPTIONS",
            "POST   | /api/admin/settings | GET, HEAD, PUT, DELETE, OPTIONS",
            "PATCH  | /api/admin/settings | GET, HEAD, PUT, DELETE, OPTIONS",
            "GET    | /api/auth/token     | POST, OPTIONS"})
    void allow_lists_the_methods_in_the_same_order_on_every_405(String method, String path, String allow) {
        for (int request = 0; request < 3; request++) {
            assertThat(mvc.method(HttpMethod.valueOf(method)).uri(path)
                    .header(HttpHeaders.AUTHORIZATION, users.admin()))
                    .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
                    .hasHeader(HttpHeaders.ALLOW, allow);
        }
    }

    /**
     * RFC 9110 §15.5.6: a 405's {@code Allow} lists the resource's methods, the ones {@code OPTIONS} on it lists, HEAD
     * (wherever GET works) and OPTIONS included, in the same order.
     */
    @ParameterizedTest(name = "OPTIONS {0} → Allow: {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/users/1        | GET, HEAD, PATCH, PUT, DELETE, OPTIONS",
            "/api/users          | GET, HEAD, POST, OPTIONS",
            "/api/admin/settings | GET, HEAD, PUT, DELETE, OPTIONS",
            "/api/auth/token     | POST, OPTIONS"})
    void options_lists_the_same_allow_as_a_405_in_the_same_order(String path, String allow) {
        for (int request = 0; request < 3; request++) {
            assertThat(mvc.options().uri(path).header(HttpHeaders.AUTHORIZATION, users.admin()))
                    .hasStatusOk()
                    .hasHeader(HttpHeaders.ALLOW, allow);
        }
    }

    /**
     * A client's mistake is answered, never logged as a server warning (anyone could fill the log with them):
     * neither a wrong method nor an Accept header that cannot be parsed, on a route or on none.
     */
    @ParameterizedTest(name = "{0} {1} with Accept: {2} → {3}, no warning")
    @CsvSource(delimiter = '|', value = {
            "POST | /api/users/1 | application/json | 405",
            "GET  | /            | garbage          | 404",
            "GET  | /api/nowhere | garbage          | 404",
            "GET  | /api/users/1 | garbage          | 406"})
    void a_clients_mistake_logs_no_warning(String method, String path, String accept, int status) {
        try (LogCapture log = LogCapture.of(Logger.ROOT_LOGGER_NAME).start()) {
            assertThat(mvc.method(HttpMethod.valueOf(method)).uri(path)
                    .header(HttpHeaders.AUTHORIZATION, users.alice()).header(HttpHeaders.ACCEPT, accept))
                    .hasStatus(status);
            assertThat(log.events()).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                    .as("warnings and errors logged").isEmpty();
        }
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
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'text/plain' is not supported; use application/json")
                .hasHeader(HttpHeaders.ACCEPT, "application/json");
    }

    /**
     * A Content-Type Spring cannot parse (a charset no JVM knows) whose type is the supported one is named as it was
     * sent: naming only its type ("'application/json' is not supported; use application/json") contradicted itself.
     */
    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"application/json; charset=bogus", "application/json;charset=no-such-charset"})
    void post_with_a_content_type_that_cannot_be_parsed_returns_415_naming_it_whole(String contentType) {
        assertProblem(mvc.post().uri("/api/users").header(HttpHeaders.CONTENT_TYPE, contentType)
                        .content("{\"email\": \"unparsed@example.com\"}").exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + contentType + "' is not supported; use application/json")
                .hasHeader(HttpHeaders.ACCEPT, "application/json");
        assertThat(repository.findByEmail("unparsed@example.com")).isEmpty();
    }

    @Test
    void put_with_merge_patch_returns_415_naming_application_json() {
        // A merge patch is a partial change: PATCH's. PUT replaces, with the whole user as application/json.
        assertProblem(mvc.put().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, users.alice())
                        .contentType("application/merge-patch+json").content("{\"name\": \"x\"}").exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'application/merge-patch+json' is not supported; use application/json")
                .hasHeader(HttpHeaders.ACCEPT, "application/json");
    }

    /** The whole answer: a body in a content coding the API does not decode is refused, naming the coding. */
    @Test
    void post_with_content_encoding_br_returns_415_with_exactly_this_body_and_accept_encoding() {
        assertThat(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_ENCODING, "br").header(RequestId.HEADER, "example-415-encoding")
                .content("{\"email\": \"brotli@example.com\"}"))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(HttpHeaders.ACCEPT_ENCODING, "identity")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Unsupported Media Type", "status": 415,
                         "detail": "Content-Encoding 'br' is not supported; send the body unencoded (identity)",
                         "instance": "/api/users", "requestId": "example-415-encoding"}
                        """);
        assertThat(repository.findByEmail("brotli@example.com")).isEmpty();
    }

    /** Every coding but identity, alone or in a list, in any case, on every operation that reads a body. */
    @ParameterizedTest(name = "{0} {1}, Content-Encoding: {2} → 415 naming {3}")
    @CsvSource(delimiter = '|', value = {
            "POST  | /api/users      | gzip           | gzip",
            "POST  | /api/users      | identity, gzip | gzip",
            "POST  | /api/users      | GZIP           | GZIP",
            "POST  | /api/auth/token | deflate        | deflate",
            "PATCH | /api/users/1    | x-unknown      | x-unknown"})
    void any_content_coding_but_identity_returns_415_with_accept_encoding(String method, String path,
                                                                          String encoding, String named) {
        assertProblem(mvc.method(HttpMethod.valueOf(method)).uri(path).header(HttpHeaders.AUTHORIZATION, users.alice())
                        .contentType(method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
                        .header(HttpHeaders.CONTENT_ENCODING, encoding).content("{}").exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content-Encoding '" + named + "' is not supported; send the body unencoded (identity)")
                .hasHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
    }

    @Test
    void content_encoding_identity_is_the_body_as_it_is() {
        assertThat(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_ENCODING, "identity")
                .content("{\"email\": \"identity-" + System.nanoTime() + "@example.com\"}"))
                .hasStatus(HttpStatus.CREATED);
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
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'multipart/form-data' is not supported; use application/json")
                .hasHeader(HttpHeaders.ACCEPT, "application/json");
    }

    @Test
    void multipart_with_an_empty_boundary_on_login_returns_415_not_500() {
        assertProblem(mvc.post().uri("/api/auth/token").contentType("multipart/mixed; boundary=").content("x").exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'multipart/mixed' is not supported; use application/json");
    }

    @Test
    void wildcard_content_type_on_signup_returns_415_not_500() {
        // "*/*" names no media type at all: the server cannot know how to read the body.
        assertProblem(mvc.post().uri("/api/users").header(HttpHeaders.CONTENT_TYPE, "*/*")
                        .content("{\"email\": \"wild@example.com\"}").exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type '*/*' is not supported; use application/json");
    }

    @Test
    void wildcard_subtype_content_type_on_login_returns_415_not_500() {
        assertProblem(mvc.post().uri("/api/auth/token").header(HttpHeaders.CONTENT_TYPE, "application/*")
                        .content("{\"email\": \"alice@example.com\", \"password\": \"alice-password\"}").exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'application/*' is not supported; use application/json");
    }

    @Test
    void post_yaml_returns_415_the_api_speaks_json_only() {
        assertProblem(mvc.post().uri("/api/users").contentType("application/yaml")
                        .content("email: yaml@example.com".getBytes(java.nio.charset.StandardCharsets.UTF_8)).exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type 'application/yaml' is not supported; use application/json");
    }

    @Test
    void accept_yaml_returns_406_the_api_writes_json_only() {
        assertProblem(mvc.get().uri("/api/users/1").header(HttpHeaders.AUTHORIZATION, users.alice())
                        .accept("application/yaml").exchange(),
                HttpStatus.NOT_ACCEPTABLE, "Acceptable representations: [application/json].");
    }

    /** A charset JSON cannot have is ignored ({@code Status2xxSuccessTest}); one no parser can read is a 406. */
    @Test
    void an_accept_header_that_cannot_be_parsed_is_a_406_before_any_work() {
        User user = users.create("charset");
        assertProblem(mvc.patch().uri("/api/users/{id}", user.getId()).header(HttpHeaders.AUTHORIZATION, users.tokenFor(user))
                .header(HttpHeaders.ACCEPT, "application/json;charset=no-such-charset")
                .contentType("application/merge-patch+json").content("{\"age\": 44}").exchange(),
                HttpStatus.NOT_ACCEPTABLE, "Acceptable representations: [application/json].");
        assertThat(repository.findById(user.getId())).get().extracting(User::getAge).isEqualTo(30);
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
    void container_error_caused_by_an_answer_of_ours_is_that_answer() {
        // A body read that timed out: Tomcat answers it with sendError(408), our exception as the error's cause.
        assertProblem(mvc.get().uri("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 408)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new RequestBodyTimeoutException(Duration.ofSeconds(10)))
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/users").exchange(),
                HttpStatus.REQUEST_TIMEOUT, "The request body did not arrive within 10000 ms", "/api/users");
    }

    @Test
    void container_error_caused_by_an_answer_with_another_status_keeps_the_containers_status() {
        assertProblem(mvc.get().uri("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new RequestBodyTimeoutException(Duration.ofSeconds(10)))
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
        try (LogCapture log = LogCapture.of(Problems.class).start()) { // the cause goes to the log, not the client
            assertProblem(mvc.get().uri("/error")
                            .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                            .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
                            .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/users").exchange(),
                    SERVER_ERROR, HttpStatus.INTERNAL_SERVER_ERROR, null, "/api/users")
                    .bodyJson().extractingPath("$.detail").asString()
                    .startsWith("An unexpected error occurred. Report error id ").doesNotContain("secret");
            assertThat(log.lines()).singleElement().asString().contains("java.lang.IllegalStateException: secret detail");
        }
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
