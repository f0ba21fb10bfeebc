package com.example.statuscodes.spec;

import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.support.Writes;
import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static com.example.statuscodes.errors.ProblemType.VALIDATION;
import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules that hold for every operation of a kind: each protected operation answers 401 without a token,
 * each operation with a body answers 400 and 415 for a body it cannot take (413: {@code Status413ContentTooLargeTest}).
 * Together with the status
 * classes these are what the OpenAPI description is checked against ({@code OpenApiContractTest}).
 */
@ApiTest
@DisplayName("Rules for every operation")
class EveryOperationTest {

    /** Operations with a JSON body: method, path, media type, caller ("alice", "admin", "anonymous"), accepted types. */
    static final String BODY_OPERATIONS = """
            POST  | /api/users          | application/json             | anonymous | application/json
            PUT   | /api/users/1        | application/json             | alice     | application/json
            PATCH | /api/users/1        | application/merge-patch+json | alice     | application/merge-patch+json
            PUT   | /api/admin/settings | application/json             | admin     | application/json
            POST  | /api/auth/token     | application/json             | anonymous | application/json
            """;

    /** Every operation: method, path, a caller allowed to call it. */
    static final String EVERY_OPERATION = """
            GET    | /api/users             | alice
            GET    | /api/users/1           | alice
            POST   | /api/users             | anonymous
            PUT    | /api/users/1           | alice
            PATCH  | /api/users/1           | alice
            DELETE | /api/users/1           | alice
            GET    | /api/me                | alice
            POST   | /api/auth/token        | anonymous
            GET    | /api/admin/settings    | admin
            PUT    | /api/admin/settings    | admin
            DELETE | /api/admin/settings    | admin
            GET    | /api/demo/server-error | alice
            """;

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    UserRepository repository;

    private MockMvcTester.MockMvcRequestBuilder request(String method, String path, String caller) {
        MockMvcTester.MockMvcRequestBuilder request = mvc.method(HttpMethod.valueOf(method)).uri(path);
        String authorization = users.authorization(caller);
        return authorization == null ? request : request.header(HttpHeaders.AUTHORIZATION, authorization);
    }

    @ParameterizedTest(name = "{0} {1} without a token → 401")
    @CsvSource(delimiter = '|', value = {
            "GET    | /api/users",
            "GET    | /api/users/1",
            "PUT    | /api/users/1",
            "PATCH  | /api/users/1",
            "DELETE | /api/users/1",
            "GET    | /api/me",
            "GET    | /api/admin/settings",
            "PUT    | /api/admin/settings",
            "DELETE | /api/admin/settings",
            "GET    | /api/demo/server-error"})
    void protected_operation_without_token_returns_401(String method, String path) {
        assertProblem(request(method, path, "anonymous").exchange(), HttpStatus.UNAUTHORIZED, "Authentication required")
                .containsHeader(HttpHeaders.WWW_AUTHENTICATE);
    }

    @ParameterizedTest(name = "{0} {1} with invalid JSON → 400")
    @CsvSource(delimiter = '|', textBlock = BODY_OPERATIONS)
    void body_operation_with_invalid_json_returns_400(String method, String path, String mediaType, String caller) {
        MvcTestResult result = request(method, path, caller).contentType(mediaType).content("{invalid json}").exchange();
        assertProblem(result, HttpStatus.BAD_REQUEST, "Request body is not valid JSON");
    }

    @ParameterizedTest(name = "{0} {1} with text/plain → 415")
    @CsvSource(delimiter = '|', textBlock = BODY_OPERATIONS)
    void body_operation_with_text_plain_returns_415_naming_the_accepted_types(String method, String path,
            String mediaType, String caller, String accepted) {
        MvcTestResult result = request(method, path, caller).contentType(MediaType.TEXT_PLAIN)
                .content("hello".getBytes(StandardCharsets.UTF_8)).exchange();
        assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type 'text/plain' is not supported; use " + accepted)
                .hasHeader(HttpHeaders.ACCEPT, accepted);
    }

    /**
     * A Content-Type with a wildcard in it names no type to read the body as: 415 on every operation with a body,
     * with {@code Accept} listing the concrete types it reads (once {@code application/*+json} matched the old
     * {@code consumes} of sign-up, login and the settings and failed inside Spring as a 500).
     */
    @ParameterizedTest(name = "{0} {1} with Content-Type {5} → 415")
    @MethodSource("wildcardContentTypes")
    void body_operation_with_a_wildcard_content_type_returns_415_because_it_names_no_type(String method, String path,
            String mediaType, String caller, String accepted, String wildcard) {
        MvcTestResult result = request(method, path, caller).header(HttpHeaders.CONTENT_TYPE, wildcard)
                .content("{}".getBytes(StandardCharsets.UTF_8)).exchange();
        assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type '" + wildcard.split(";")[0].toLowerCase(Locale.ROOT) + "' is not supported; use " + accepted)
                .hasHeader(HttpHeaders.ACCEPT, accepted);
    }

    static Stream<Arguments> wildcardContentTypes() {
        List<String> wildcards = List.of("*/*", "application/*", "application/*+json", "APPLICATION/*+JSON",
                "application/*+json;charset=utf-8", "*/*;q=1");
        return BODY_OPERATIONS.lines().map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toArray())
                .flatMap(operation -> wildcards.stream().map(wildcard -> {
                    Object[] arguments = Arrays.copyOf(operation, operation.length + 1);
                    arguments[operation.length] = wildcard;
                    return Arguments.of(arguments);
                }));
    }

    @ParameterizedTest(name = "{0} {1} with Accept: application/xml → 406, nothing done")
    @CsvSource(delimiter = '|', textBlock = EVERY_OPERATION)
    void operation_with_accept_xml_returns_406_before_doing_anything(String method, String path, String caller) {
        refusedBeforeDoingAnything(method, path, caller, MediaType.APPLICATION_XML_VALUE);
    }

    @ParameterizedTest(name = "{0} {1} with Accept: application/json;q=0 → 406, nothing done")
    @CsvSource(delimiter = '|', textBlock = EVERY_OPERATION)
    void operation_with_json_at_q_0_returns_406_before_doing_anything(String method, String path, String caller) {
        refusedBeforeDoingAnything(method, path, caller, "application/json;q=0");
    }

    private void refusedBeforeDoingAnything(String method, String path, String caller, String accept) {
        MvcTestResult result = request(method, path, caller).header(HttpHeaders.ACCEPT, accept)
                .contentType(Writes.mediaTypeFor(HttpMethod.valueOf(method)))
                .content("{\"email\": \"not-created@example.com\"}").exchange();
        assertProblem(result, HttpStatus.NOT_ACCEPTABLE, "Acceptable representations: [application/json].");
        assertThat(repository.findByEmail("not-created@example.com")).isEmpty();
        assertThat(repository.findById(1L)).isPresent();
    }

    @ParameterizedTest(name = "{0} /api/users/abc → 400 naming id")
    @CsvSource({"GET", "PUT", "PATCH", "DELETE"})
    void operation_on_a_non_numeric_user_id_returns_400_not_404(String method) {
        MvcTestResult result = request(method, "/api/users/abc", "admin")
                .contentType(Writes.mediaTypeFor(HttpMethod.valueOf(method)))
                .content("{\"email\": \"abc@example.com\"}").exchange();
        assertProblem(result, VALIDATION, HttpStatus.BAD_REQUEST, "Invalid request parameter: id");
    }

    @Test
    void patch_unknown_user_as_admin_returns_404() {
        assertProblem(request("PATCH", "/api/users/999999", "admin").contentType("application/merge-patch+json")
                .content("{\"age\": 30}").exchange(), HttpStatus.NOT_FOUND, "User not found");
    }
}
