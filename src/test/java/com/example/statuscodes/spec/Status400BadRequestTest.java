package com.example.statuscodes.spec;

import com.example.statuscodes.errors.ApiExceptionHandler;
import com.example.statuscodes.errors.RequestId;
import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.support.Writes;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.stream.Stream;

import static com.example.statuscodes.support.Problem.assertErrors;
import static com.example.statuscodes.errors.ProblemType.VALIDATION;
import static com.example.statuscodes.support.Problem.assertProblem;
import static com.example.statuscodes.support.Writes.writeUser;
import static org.junit.jupiter.params.provider.Arguments.arguments;
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

    /** The whole answer, as a client sees it: a fixed X-Request-Id makes every member known. */
    @Test
    void post_invalid_json_returns_400_with_exactly_this_body() {
        assertThat(mvc.post().uri("/api/users").header(RequestId.HEADER, "example-400")
                .contentType(MediaType.APPLICATION_JSON).content("{invalid json}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(RequestId.HEADER, "example-400")
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Bad Request", "status": 400,
                         "detail": "Request body is not valid JSON", "instance": "/api/users", "requestId": "example-400"}
                        """);
    }

    /** A 400 that names its fields is of the validation type, with one message per field. */
    @Test
    void post_age_of_the_wrong_type_returns_400_with_exactly_this_body() {
        assertThat(mvc.post().uri("/api/users").header(RequestId.HEADER, "example-400-field")
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"a@example.com\", \"age\": \"ten\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        {"type": "/problems/validation", "title": "Bad Request", "status": 400,
                         "detail": "Invalid value for field: age", "instance": "/api/users",
                         "errors": {"age": "Must be an integer"}, "requestId": "example-400-field"}
                        """);
    }

    @Nested
    @DisplayName("a body the server cannot read")
    class UnreadableBody {

        private static final String JSON_LIMITS =
                "Request body exceeds the JSON limits (nesting depth, string or number length)";

        /** Bodies that are no JSON object at all, or beyond the parser's limits: an about:blank 400 saying which. */
        static Stream<Arguments> unreadableBodies() {
            return Stream.of(
                    arguments("invalid JSON", "{invalid json}", "Request body is not valid JSON"),
                    arguments("truncated JSON", "{\"email\": \"a@b.c\"", "Request body is not valid JSON"),
                    arguments("no body", "", "Request body is missing"),
                    arguments("a JSON array", "[]", "Request body must be a JSON object"),
                    arguments("100000 nested arrays", "{\"email\": \"a@example.com\", \"extra\": "
                            + "[".repeat(100_000) + "]".repeat(100_000) + "}", JSON_LIMITS),
                    arguments("a 100000-character string", "{\"email\": \"a@example.com\", \"name\": \""
                            + "x".repeat(100_000) + "\"}", JSON_LIMITS),
                    arguments("a 2000-digit number", "{\"email\": \"a@example.com\", \"age\": " + "9".repeat(2_000) + "}",
                            JSON_LIMITS));
        }

        @ParameterizedTest(name = "POST /api/users with {0} → 400 \"{2}\"")
        @MethodSource("unreadableBodies")
        void post_a_body_that_is_no_json_object_returns_400_saying_why(String kind, String body, String detail) {
            assertProblem(postUser(body), HttpStatus.BAD_REQUEST, detail);
        }

        /**
         * A value of the wrong type is not coerced ("31" is no age, 0 no role) and not silently cut (1.5 is no age), and
         * a field sent twice is not silently resolved: a validation 400 naming the field.
         */
        @ParameterizedTest(name = "POST /api/users with {0} → 400 \"{2}\", {3}: \"{4}\"")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                the age as a word           | {"email": "a@example.com", "age": "ten"}               | Invalid value for field: age  | age  | Must be an integer
                a fractional age            | {"email": "a@example.com", "age": 1.5}                 | Invalid value for field: age  | age  | Must be an integer
                the age 1e400 (not a 500)   | {"email": "a@example.com", "age": 1e400}               | Invalid value for field: age  | age  | Must be an integer
                an age beyond int's range   | {"email": "a@example.com", "age": 99999999999}         | Invalid value for field: age  | age  | Must be an integer
                the age as a string         | {"email": "a@example.com", "age": "31"}                | Invalid value for field: age  | age  | Must be an integer
                the name as a number        | {"email": "a@example.com", "name": 123}                | Invalid value for field: name | name | Must be a string
                the role as a number        | {"email": "a@example.com", "role": 0}                  | Invalid value for field: role | role | Must be one of USER, ADMIN
                an unknown role             | {"email": "a@example.com", "role": "ROOT"}             | Invalid value for field: role | role | Must be one of USER, ADMIN
                a field sent twice          | {"email": "a@example.com", "name": "One", "name": "Two"} | Duplicate field: name       | name | Sent more than once
                """)
        void post_a_field_that_cannot_be_read_returns_400_naming_it(String kind, String body, String detail, String field,
                                                                    String message) {
            MvcTestResult result = postUser(body);
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, detail);
            assertErrors(result, Map.of(field, message));
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
            MvcTestResult result = writeUser(mvc, HttpMethod.PATCH, user.getId(), users.tokenFor(user),
                    "{\"nmae\": \"Typo\"}").exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Unknown field: nmae");
            assertErrors(result, Map.of("nmae", "Unknown field"));
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

        /** A merge patch that sets the required e-mail to null leaves a user no request could create: 400, not 422. */
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
                    .contentType(Writes.mediaTypeFor(HttpMethod.valueOf(method)))
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
                    .contentType(Writes.mediaTypeFor(HttpMethod.valueOf(method)))
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
                "page | ''  | Must be an integer",
                "size | ''  | Must be an integer",
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

    /**
     * A query parameter has one reading: decoded once (by the container), given once if it takes one value, and a
     * number spelled in plain decimal digits. Anything else is a 400 naming the parameter, never a guess.
     */
    @Nested
    @DisplayName("query parameters: decoded once, sent once, plain decimal")
    class QueryParameters {

        private static final String SORT_RULE =
                "Must be one of id, email, name, age, createdAt, optionally followed by ,asc or ,desc";

        @Autowired
        @Qualifier("requestMappingHandlerMapping")
        RequestMappingHandlerMapping mappings;

        private MvcTestResult list(String query) {
            return mvc.get().uri(URI.create("/api/users?" + query)).header(HttpHeaders.AUTHORIZATION, users.alice()).exchange();
        }

        /**
         * Spring Data's sort argument decoded each value a second time: {@code sort=%25} (the value {@code %}) failed
         * inside it as a 500, and {@code sort=%2565mail} (the value {@code %65mail}) was read as {@code email}.
         */
        @ParameterizedTest(name = "sort={0} → 400 naming sort")
        @ValueSource(strings = {"%25", "%2525", "email%25", "%2565mail", "email%252Cdesc", "%25zz", "email,desc%25"})
        void a_sort_value_holding_a_percent_sign_returns_400_naming_sort(String encoded) {
            MvcTestResult result = list("sort=" + encoded);
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: sort");
            assertErrors(result, Map.of("sort", SORT_RULE));
        }

        /** The class, generated: any sort value is either one of the listed values (200) or a 400 naming sort. */
        @Test
        void every_sort_value_is_a_listed_one_or_a_400_naming_sort() {
            Random random = new Random(20261205L);
            String[] pieces = {"%25", "%2C", ",", "email", "id", "desc", "asc", "%65", "%", "2", "5", "C", " ", "+"};
            List<String> listed = List.of("id", "id,asc", "id,desc", "email", "email,asc", "email,desc", "name", "name,asc",
                    "name,desc", "age", "age,asc", "age,desc", "createdAt", "createdAt,asc", "createdAt,desc");
            for (int i = 0; i < 150; i++) {
                StringBuilder value = new StringBuilder();
                for (int piece = random.nextInt(1, 5); piece > 0; piece--) {
                    value.append(pieces[random.nextInt(pieces.length)]);
                }
                String raw = value.toString();
                MvcTestResult result = mvc.get().uri("/api/users").queryParam("sort", raw)
                        .header(HttpHeaders.AUTHORIZATION, users.alice()).exchange();
                if (listed.contains(raw)) {
                    assertThat(result).as("sort=" + raw).hasStatusOk();
                } else {
                    assertThat(result).as("sort=" + raw).hasStatus(HttpStatus.BAD_REQUEST);
                    assertErrors(result, Map.of("sort", SORT_RULE));
                }
            }
        }

        /**
         * A query the container cannot decode ({@code sort=%zz}, {@code %FF}): since Servlet 6.1 its
         * {@code getParameter*} methods throw {@code IllegalStateException} (Tomcat's {@code InvalidParameterException};
         * MockMvc decodes on its own, so the request here throws as Tomcat does). That was an unexpected 500, found by
         * {@code RawSocketFuzzTest}; {@code TomcatRejectionsTest} sends the same over a socket.
         */
        @Test
        void a_query_the_container_cannot_decode_returns_400_with_exactly_this_body() {
            assertThat(mvc.get().uri("/api/users").header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(RequestId.HEADER, "example-400-query").with(Status400BadRequestTest::undecodableQuery))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().isStrictlyEqualTo("""
                            {"type": "about:blank", "title": "Bad Request", "status": 400,
                             "detail": "The query string is not valid percent-encoded UTF-8", "instance": "/api/users",
                             "requestId": "example-400-query"}
                            """);
        }

        /** Spring took the first value and ignored the rest, so {@code size=1&size=500} sidestepped the 400 for 500. */
        @Test
        void a_single_valued_parameter_sent_twice_returns_400_with_exactly_this_body() {
            assertThat(mvc.get().uri("/api/users?size=1&size=500").header(HttpHeaders.AUTHORIZATION, users.alice())
                    .header(RequestId.HEADER, "example-400-twice"))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().isStrictlyEqualTo("""
                            {"type": "/problems/validation", "title": "Bad Request", "status": 400,
                             "detail": "Invalid request parameter: size", "instance": "/api/users",
                             "errors": {"size": "Sent more than once"}, "requestId": "example-400-twice"}
                            """);
        }

        /** Every single-valued query parameter of every operation, found in the handler mappings, sent twice. */
        @Test
        void every_single_valued_query_parameter_sent_twice_returns_400_naming_it() {
            List<String> checked = new ArrayList<>();
            mappings.getHandlerMethods().forEach((mapping, handler) -> {
                for (MethodParameter parameter : handler.getMethodParameters()) {
                    parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                    Class<?> type = parameter.getParameterType();
                    if (!parameter.hasParameterAnnotation(RequestParam.class) || type.isArray()
                            || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
                        continue;
                    }
                    String name = parameter.getParameterName();
                    for (String pattern : mapping.getPatternValues()) {
                        for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
                            MvcTestResult result = mvc.method(method.asHttpMethod())
                                    .uri(URI.create(pattern.replace("{id}", "1") + "?" + name + "=1&" + name + "=1"))
                                    .header(HttpHeaders.AUTHORIZATION, users.admin()).exchange();
                            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: " + name);
                            assertErrors(result, Map.of(name, "Sent more than once"));
                            checked.add(method + " " + pattern + " " + name);
                        }
                    }
                }
            });
            assertThat(checked).contains("GET /api/users page", "GET /api/users size");
        }

        /** Spring's number conversion reads {@code 0x10} and {@code #10} as 16, {@code +1} and {@code " 1"} as 1. */
        @ParameterizedTest(name = "{0}={1} → 400 naming {0}")
        @CsvSource(delimiter = '|', value = {
                "page | 0x10", "page | %2310", "page | 0X1", "page | +1", "page | %201", "page | 1%20", "page | 1.0",
                "page | 1e1", "page | 01", "page | -0", "page | %EF%BC%91", "page | 2147483648", "page | %091",
                "size | 0x10", "size | %2310", "size | +1", "size | %201", "size | 1.0", "size | 010", "size | %D9%A1"})
        void a_number_in_any_spelling_but_plain_decimal_returns_400_naming_it(String name, String spelling) {
            MvcTestResult result = list(name + "=" + spelling);
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: " + name);
            assertErrors(result, Map.of(name, "Must be an integer"));
        }

        @ParameterizedTest(name = "page={0}&size={1} → 200")
        @CsvSource({"0, 1", "10000000, 100", "3, 20"})
        void plain_decimal_numbers_are_read(String page, String size) {
            assertThat(list("page=" + page + "&size=" + size)).hasStatusOk()
                    .bodyJson().extractingPath("$.page.size").isEqualTo(Integer.parseInt(size));
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


    /**
     * Issue #22: values that had two readings. One parse per value, and a value that cannot be read one way is a 400,
     * never a guess: a lone UTF-16 surrogate (RFC 8259 §8.2, RFC 7493 §2.1) became {@code ?} in the idempotency
     * fingerprint and in bcrypt's bytes, so {@code "\ud800"}, {@code "?"} and {@code "\udfff"} were one password; an enum
     * name with white space around it was trimmed; a header sent on two lines was read from its first line (RFC 9110
     * §5.3: two lines mean the comma-joined one); an empty {@code page} was the default page (the rows above).
     */
    @Nested
    @DisplayName("a value with two readings is refused, not guessed")
    class TwoReadings {

        private static final String NOT_UNICODE = "Must be Unicode text: an unpaired surrogate such as \\ud800 is no character";

        /** JSON source text of a string with an unpaired surrogate, escaped or a high and a low in the wrong order. */
        static Stream<String> unpairedSurrogates() {
            return Stream.of("\\ud800", "\\udfff", "a\\ud800b", "\\udc00\\ud800", "\\ud800\\u0041", "x\\udbff");
        }

        @ParameterizedTest(name = "name \"{0}\" → 400 naming it")
        @MethodSource("unpairedSurrogates")
        void a_string_with_an_unpaired_surrogate_returns_400_naming_the_field_and_changes_nothing(String escaped) {
            User user = users.create("surrogate");
            MvcTestResult result = writeUser(mvc, HttpMethod.PATCH, user.getId(), users.tokenFor(user),
                    "{\"name\": \"" + escaped + "\"}").exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid value for field: name");
            assertErrors(result, Map.of("name", NOT_UNICODE));
            assertThat(repository.findById(user.getId()).orElseThrow().getName()).isEqualTo(user.getName());
        }

        @Test
        void a_password_with_an_unpaired_surrogate_returns_400_with_exactly_this_body_and_creates_nothing() {
            assertThat(mvc.post().uri("/api/users").header(RequestId.HEADER, "example-400-surrogate")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"lone-surrogate@example.com\", \"password\": \"\\ud800abcdefgh\"}"))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().isStrictlyEqualTo("""
                            {"type": "/problems/validation", "title": "Bad Request", "status": 400,
                             "detail": "Invalid value for field: password", "instance": "/api/users",
                             "errors": {"password": "Must be Unicode text: an unpaired surrogate such as \\\\ud800 is no character"},
                             "requestId": "example-400-surrogate"}
                            """);
            assertThat(repository.findByEmail("lone-surrogate@example.com")).isEmpty();
        }

        /**
         * A member name is a string too. Jackson's parser refuses one with an unpaired surrogate itself ("Broken
         * surrogate pair in property name"), so it is invalid JSON, and the answer never has to echo it.
         */
        @ParameterizedTest(name = "member \"{0}\" → 400")
        @MethodSource("unpairedSurrogates")
        void a_member_name_with_an_unpaired_surrogate_returns_400(String escaped) {
            MvcTestResult result = postUser("{\"email\": \"member-surrogate@example.com\", \"" + escaped + "\": 1}");
            assertProblem(result, HttpStatus.BAD_REQUEST, "Request body is not valid JSON");
            assertThat(repository.findByEmail("member-surrogate@example.com")).isEmpty();
        }

        /** The same refusal for a surrogate spelled in raw bytes (CESU-8's ED A0 80), which is not UTF-8 either. */
        @Test
        void a_surrogate_in_raw_bytes_is_not_utf8_and_returns_400() {
            byte[] body = concat("{\"email\": \"raw-surrogate@example.com\", \"name\": \"", new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}");
            MvcTestResult result = mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.detail").isEqualTo(ApiExceptionHandler.NOT_JSON);
            assertThat(repository.findByEmail("raw-surrogate@example.com")).isEmpty();
        }

        @Test
        void a_surrogate_pair_is_one_character_and_is_read() {
            User user = users.create("pair");
            assertThat(writeUser(mvc, HttpMethod.PATCH, user.getId(), users.tokenFor(user), "{\"name\": \"\\ud83d\\ude00\"}"))
                    .hasStatusOk().bodyJson().extractingPath("$.name").isEqualTo("\ud83d\ude00");
        }

        /**
         * The class, generated: a name built from escapes of surrogate halves, pairs and plain characters is stored as
         * sent when it is Unicode text, and is a 400 naming it when it is not. The oracle is the JDK's UTF-8 encoder.
         */
        @Test
        void every_generated_name_is_taken_as_sent_or_refused_when_it_is_no_unicode_text() throws Exception {
            String[][] pieces = {{"a", "a"}, {"?", "?"}, {"\\ud800", "\ud800"}, {"\\udfff", "\udfff"}, {"\\ud83d", "\ud83d"},
                    {"\\ude00", "\ude00"}, {"\\ud83d\\ude00", "\ud83d\ude00"}, {"\\u00e9", "\u00e9"}, {"\u00e9", "\u00e9"},
                    {"\\udbff\\udfff", "\udbff\udfff"}};
            User user = users.create("generated-name");
            String token = users.tokenFor(user);
            Random random = new Random(20261206L);
            int refused = 0;
            for (int i = 0; i < 120; i++) {
                StringBuilder json = new StringBuilder("n");
                StringBuilder text = new StringBuilder("n");
                for (int piece = random.nextInt(1, 5); piece > 0; piece--) {
                    String[] chosen = pieces[random.nextInt(pieces.length)];
                    json.append(chosen[0]);
                    text.append(chosen[1]);
                }
                MvcTestResult result = writeUser(mvc, HttpMethod.PATCH, user.getId(), token,
                        "{\"name\": \"" + json + "\"}").exchange();
                if (java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
                    assertThat(result).as("name " + json).hasStatusOk()
                            .bodyJson().extractingPath("$.name").isEqualTo(text.toString());
                } else {
                    refused++;
                    assertThat(result).as("name " + json).hasStatus(HttpStatus.BAD_REQUEST);
                    assertErrors(result, Map.of("name", NOT_UNICODE));
                }
            }
            assertThat(refused).as("refused names").isBetween(20, 100);
        }

        /** The class, generated: a role is read only by its exact name; anything around or in it is a 400 naming it. */
        @Test
        void every_generated_role_spelling_but_the_exact_name_returns_400() {
            String[] around = {"", "", " ", "\\n", "\\t", "\\r", "\\u00a0", "\\u0000", "\\u000b"};
            String[] names = {"USER", "ADMIN", "user", "Admin", "ADMIN", "USER"};
            User user = users.create("generated-role");
            Random random = new Random(20261207L);
            for (int i = 0; i < 60; i++) {
                String before = pick(random, around);
                String name = pick(random, names);
                String after = pick(random, around);
                MvcTestResult result = writeUser(mvc, HttpMethod.PATCH, user.getId(), users.admin(),
                        "{\"role\": \"" + before + name + after + "\"}").exchange();
                String spelled = "role \"" + before + name + after + "\"";
                if (before.isEmpty() && after.isEmpty() && (name.equals("USER") || name.equals("ADMIN"))) {
                    assertThat(result).as(spelled).hasStatusOk().bodyJson().extractingPath("$.role").isEqualTo(name);
                } else {
                    assertThat(result).as(spelled).hasStatus(HttpStatus.BAD_REQUEST);
                    assertErrors(result, Map.of("role", "Must be one of USER, ADMIN"));
                }
            }
        }

        private static String pick(Random random, String[] values) {
            return values[random.nextInt(values.length)];
        }

        /** Jackson retried an unknown enum name trimmed, so " ADMIN" was ADMIN while "Admin" was a 400. */
        @ParameterizedTest(name = "role \"{0}\" → 400 naming role")
        @ValueSource(strings = {" ADMIN", "ADMIN ", "ADMIN\\n", "\\tUSER", "Admin"})
        void a_role_with_white_space_around_it_returns_400_like_any_other_unknown_role(String role) {
            User user = users.create("role-space");
            MvcTestResult result = writeUser(mvc, HttpMethod.PATCH, user.getId(), users.admin(),
                    "{\"role\": \"" + role + "\"}").exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid value for field: role");
            assertErrors(result, Map.of("role", "Must be one of USER, ADMIN"));
            assertThat(repository.findById(user.getId()).orElseThrow().getRole()).isEqualTo(user.getRole());
        }

        /** Two Idempotency-Key lines were read as the first; the one line "k-a, k-b" was already a 400. */
        @Test
        void an_idempotency_key_sent_twice_returns_400_with_exactly_this_body_and_creates_nothing() {
            assertThat(mvc.post().uri("/api/users").header("Idempotency-Key", "k-a2", "k-b2")
                    .header(RequestId.HEADER, "example-400-header-twice")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"two-keys@example.com\"}"))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().isStrictlyEqualTo("""
                            {"type": "/problems/validation", "title": "Bad Request", "status": 400,
                             "detail": "Invalid request parameter: Idempotency-Key", "instance": "/api/users",
                             "errors": {"Idempotency-Key": "Sent more than once"}, "requestId": "example-400-header-twice"}
                            """);
            assertThat(repository.findByEmail("two-keys@example.com")).isEmpty();
        }

        /**
         * Refused before the security chain: a repeated header costs no token check and is not a write. Content-Type
         * sent twice, which MockMvc cannot send: {@code Status400RepeatedHeadersTest}.
         */
        @Test
        void an_idempotency_key_sent_twice_is_refused_before_the_token_is_read() {
            MvcTestResult result = mvc.post().uri("/api/users").header("Idempotency-Key", "k-a3", "k-a3")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer not.a.token")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"two-keys-token@example.com\"}").exchange();
            assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: Idempotency-Key");
            assertErrors(result, Map.of("Idempotency-Key", "Sent more than once"));
        }
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] a = head.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] c = tail.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    /**
     * The request as Tomcat 11 presents {@code ?sort=%zz}: reading its parameters throws (Servlet 6.1). Once only:
     * MockMvc prints every request's parameters after the answer, and must not fail there.
     */
    private static MockHttpServletRequest undecodableQuery(MockHttpServletRequest built) {
        MockHttpServletRequest request = new MockHttpServletRequest(built.getServletContext(), built.getMethod(),
                built.getRequestURI()) {
            private boolean thrown;

            @Override
            public Map<String, String[]> getParameterMap() {
                if (!thrown) {
                    thrown = true;
                    throw new IllegalStateException("Character decoding failed. Parameter [sort] with value [%zz] has been ignored.");
                }
                return Map.of();
            }

            @Override
            public String getParameter(String name) {
                String[] values = getParameterValues(name);
                return values == null ? null : values[0];
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(getParameterMap().keySet());
            }

            @Override
            public String[] getParameterValues(String name) {
                return getParameterMap().get(name);
            }
        };
        request.setQueryString("sort=%zz");
        for (String name : Collections.list(built.getHeaderNames())) {
            Collections.list(built.getHeaders(name)).forEach(value -> request.addHeader(name, value));
        }
        return request;
    }
}
