package com.example.statuscodes.openapi;

import com.example.statuscodes.errors.EntityTags;
import com.example.statuscodes.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import io.swagger.v3.oas.models.OpenAPI;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

@ApiTest
class OpenApiTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    OpenAPI api;

    @Test
    void the_openapi_bean_survives_the_plain_jackson_copy_springdoc_makes_of_it() {
        // springdoc copies the bean like this at start-up; a schema-valued additionalProperties in it failed to read
        // back ("additionalProperties must be either a Boolean or a Schema instance", logged as a warning).
        ObjectMapper plain = new ObjectMapper();
        assertThatCode(() -> plain.readValue(plain.writeValueAsBytes(api), OpenAPI.class)).doesNotThrowAnyException();
    }

    @Test
    void api_docs_are_open_and_declare_the_bearer_scheme() {
        assertThat(mvc.get().uri("/v3/api-docs"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}}}
                        """);
    }

    @Test
    void every_response_documents_x_request_id_and_every_problem_its_request_id_member() {
        MvcTestResult apiDocs = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(apiDocs).bodyJson().extractingPath("$.components.schemas.Problem.properties.requestId.type")
                .isEqualTo("string");
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/users/{id}'].get.responses['200'].headers.X-Request-Id")
                .isNotNull();
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/users/{id}'].get.responses['404'].headers.X-Request-Id")
                .isNotNull();
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/users/{id}'].get.responses['404'].content['application/problem+json'].example.requestId")
                .isEqualTo(OpenApiConfig.REQUEST_ID_EXAMPLE);
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/me'].get.responses['500'].content['application/problem+json'].example.errorId")
                .isEqualTo(OpenApiConfig.REQUEST_ID_EXAMPLE);
    }

    @Test
    void swagger_ui_is_open_without_a_token() {
        assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
        assertThat(mvc.get().uri("/swagger-ui.html")).hasStatus(HttpStatus.FOUND);
    }

    @Test
    void errors_are_documented_as_problem_json_with_the_guides_examples() {
        MvcTestResult apiDocs = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/users/{id}'].get.responses['404'].content['application/problem+json'].example.detail")
                .isEqualTo("User not found");
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/auth/token'].post.responses['401'].content['application/problem+json'].example.detail")
                .isEqualTo("Invalid email or password");
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/admin/settings'].delete.responses['403'].content['application/problem+json'].example.detail")
                .isEqualTo("Admin access required");
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/users'].post.responses['422'].content['application/problem+json'].example.errors")
                .isEqualTo(java.util.Map.of("email", "Invalid format", "age", "Must be positive"));
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/users'].post.responses['201'].headers.Location")
                .isNotNull();
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/me'].get.responses['401'].headers.WWW-Authenticate")
                .isNotNull();
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/me'].get.responses['429'].headers.Retry-After")
                .isNotNull();
    }

    // What a validating proxy (Prism, in .ci/contract-check) holds the API to: the schemas must describe every
    // response the API really sends and every request it really accepts.

    private String apiDocs() throws Exception {
        return mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString();
    }

    @Test
    void every_header_object_has_a_schema() throws Exception {
        Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(apiDocs(), "$.paths");
        List<String> withoutSchema = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.forEach((code, response) -> {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> headers = (Map<String, Map<String, Object>>) response.get("headers");
                if (headers != null) {
                    headers.forEach((name, header) -> {
                        if (!header.containsKey("schema")) {
                            withoutSchema.add(method + " " + path + " " + code + " " + name);
                        }
                    });
                }
            });
        }));
        assertThat(withoutSchema).as("header objects without a schema (invalid in OpenAPI 3.1)").isEmpty();
    }

    @Test
    void user_responses_allow_a_null_name_and_age() throws Exception {
        String docs = apiDocs();
        assertThat((List<String>) JsonPath.read(docs, "$.components.schemas.UserResponse.properties.name.type"))
                .containsExactlyInAnyOrder("string", "null");
        assertThat((List<String>) JsonPath.read(docs, "$.components.schemas.UserResponse.properties.age.type"))
                .containsExactlyInAnyOrder("integer", "null");
        assertThat((List<String>) JsonPath.read(docs, "$.components.schemas.UserResponse.required"))
                .contains("id", "email", "role", "createdAt");
    }

    @Test
    void merge_patch_body_has_its_own_schema_where_nothing_is_required_and_null_clears() throws Exception {
        String docs = apiDocs();
        assertThat((String) JsonPath.read(docs, "$.paths['/api/users/{id}'].patch.requestBody.content['application/merge-patch+json'].schema.$ref"))
                .isEqualTo("#/components/schemas/UserPatch");
        Map<String, Object> patch = JsonPath.read(docs, "$.components.schemas.UserPatch");
        assertThat(patch).doesNotContainKey("required");
        assertThat((Map<String, Object>) patch.get("properties")).containsOnlyKeys("email", "name", "age", "role", "password");
        assertThat((List<String>) JsonPath.read(docs, "$.components.schemas.UserPatch.properties.age.type"))
                .containsExactlyInAnyOrder("integer", "null");
        assertThat((List<String>) JsonPath.read(docs, "$.components.schemas.UserPatch.properties.name.type"))
                .containsExactlyInAnyOrder("string", "null");
    }

    @Test
    void sort_is_an_optional_repeatable_string_query_parameter() throws Exception {
        List<Map<String, Object>> sort = JsonPath.read(apiDocs(), "$.paths['/api/users'].get.parameters[?(@.name == 'sort')]");
        assertThat(sort).hasSize(1);
        assertThat(sort.get(0)).containsEntry("in", "query");
        // OpenAPI: a parameter without "required" is optional; springdoc leaves out the default
        assertThat(sort.get(0).getOrDefault("required", false)).isEqualTo(false);
        assertThat((String) JsonPath.read(sort.get(0), "$.schema.type")).isEqualTo("array");
        assertThat((String) JsonPath.read(sort.get(0), "$.schema.items.type")).isEqualTo("string");
        assertThat((List<String>) JsonPath.read(sort.get(0), "$.schema.items.enum")).hasSize(15)
                .contains("id", "email,desc", "createdAt,asc");
    }

    @Test
    void put_takes_application_json_only() throws Exception {
        Map<String, Object> content = JsonPath.read(apiDocs(), "$.paths['/api/users/{id}'].put.requestBody.content");
        assertThat(content).containsOnlyKeys("application/json");
    }

    @Test
    void headers_the_api_sends_are_documented() throws Exception {
        String docs = apiDocs();
        for (String method : List.of("get", "put", "patch")) {
            assertThat((Map<String, Object>) JsonPath.read(docs, "$.paths['/api/users/{id}']." + method + ".responses['200'].headers"))
                    .as(method + " 200").containsKey("ETag");
        }
        assertThat((Map<String, Object>) JsonPath.read(docs, "$.paths['/api/users/{id}'].get.responses['406'].headers"))
                .containsKey("Accept");
        assertThat((String) JsonPath.read(docs, "$.paths['/api/users/{id}'].put.responses['415'].content['application/problem+json'].example.detail"))
                .isEqualTo("Content-Type 'application/merge-patch+json' is not supported; use application/json");
    }

    @Test
    void conditional_headers_are_documented_with_their_grammar_and_comparison() throws Exception {
        String docs = apiDocs();
        for (String method : List.of("put", "patch", "delete")) {
            List<String> ifMatch = JsonPath.read(docs, "$.paths['/api/users/{id}']." + method
                    + ".parameters[?(@.name == 'If-Match' && @.in == 'header')].description");
            assertThat(ifMatch).as(method).singleElement().asString().contains("compared strongly", "400");
        }
        for (String method : List.of("get", "put", "patch", "delete")) {
            List<String> ifNoneMatch = JsonPath.read(docs, "$.paths['/api/users/{id}']." + method
                    + ".parameters[?(@.name == 'If-None-Match' && @.in == 'header')].description");
            assertThat(ifNoneMatch).as(method).singleElement().asString().contains("compared weakly", "400");
        }
    }

    // Issue #22: every rule the server enforces on a request is stated by the document, so that a client generated
    // from it cannot build a request that a rule it was never told about refuses (fuzz.SchemaPropertyTest sends them).

    private static Map<String, Object> property(String docs, String schema, String property) {
        return JsonPath.read(docs, "$.components.schemas." + schema + ".properties." + property);
    }

    private static java.util.regex.Pattern patternOf(Map<String, Object> schema) {
        assertThat(schema).containsKey("pattern");
        return java.util.regex.Pattern.compile((String) schema.get("pattern"));
    }

    /** OpenAPI 3.1: a nullable value lists "null" among its types. */
    private static List<Object> types(Map<String, Object> schema) {
        Object type = schema.get("type");
        return type instanceof List<?> list ? List.copyOf(list) : java.util.Collections.singletonList(type);
    }

    @Test
    void the_password_is_documented_with_its_lengths_and_a_pattern_that_keeps_it_within_72_bytes() throws Exception {
        String docs = apiDocs();
        for (String schema : List.of("UserRequest", "UserPatch", "LoginRequest")) {
            Map<String, Object> password = property(docs, schema, "password");
            assertThat(password).as(schema).containsEntry("minLength", 8).containsEntry("maxLength", 72);
            java.util.regex.Pattern pattern = patternOf(password);
            assertThat(pattern.matcher("admin-password").find()).as(schema).isTrue();
            assertThat(pattern.matcher("\u00e9".repeat(18)).find()).as(schema + ": 18 characters, 36 bytes").isTrue();
            // 37 characters pass maxLength but are 74 bytes: the pattern must refuse what the lengths cannot
            assertThat(pattern.matcher("\u00e9".repeat(37)).find()).as(schema + ": 74 bytes").isFalse();
            assertThat(pattern.matcher("\uD83D\uDE00".repeat(19)).find()).as(schema + ": 76 bytes").isFalse();
        }
    }

    @Test
    void the_email_is_documented_with_the_pattern_and_lengths_the_server_enforces() throws Exception {
        String docs = apiDocs();
        for (String schema : List.of("UserRequest", "UserPatch", "LoginRequest")) {
            Map<String, Object> email = property(docs, schema, "email");
            assertThat(email).as(schema).containsEntry("minLength", 3).containsEntry("maxLength", 254);
            java.util.regex.Pattern pattern = patternOf(email);
            assertThat(pattern.matcher("Alice.Smith+news@mail.example.com").find()).as(schema).isTrue();
            for (String refused : List.of("not-an-email", "jos\u00e9@example.com", "a..b@example.com", " a@example.com",
                    "x".repeat(65) + "@example.com")) {
                assertThat(pattern.matcher(refused).find()).as(schema + ": " + refused).isFalse();
            }
        }
    }

    @Test
    void the_name_is_documented_as_at_most_100_characters_in_every_request_body() throws Exception {
        String docs = apiDocs();
        for (String schema : List.of("UserRequest", "UserPatch")) {
            assertThat(property(docs, schema, "name")).as(schema).containsEntry("maxLength", 100);
        }
    }

    @Test
    void the_merge_patch_states_the_rules_of_the_user_it_leaves_behind() throws Exception {
        String docs = apiDocs();
        for (String schema : List.of("UserRequest", "UserPatch")) {
            Map<String, Object> age = property(docs, schema, "age");
            assertThat(age).as(schema).containsEntry("maximum", 150);
            // the least age is 1, said one way (Redocly's recommended rules warn when both are given)
            assertThat(Integer.valueOf(1).equals(age.get("minimum")) != Integer.valueOf(0).equals(age.get("exclusiveMinimum")))
                    .as(schema + ": minimum 1 or exclusiveMinimum 0, not both: " + age).isTrue();
        }
        assertThat((List<Object>) property(docs, "UserPatch", "role").get("enum")).containsExactlyInAnyOrder("USER", "ADMIN");
    }

    @Test
    void every_request_body_refuses_members_it_does_not_list() throws Exception {
        String docs = apiDocs();
        List<String> refs = JsonPath.read(docs, "$.paths.*.*.requestBody.content.*.schema.$ref");
        assertThat(refs).contains("#/components/schemas/UserRequest", "#/components/schemas/UserPatch",
                "#/components/schemas/LoginRequest", "#/components/schemas/AdminSettings");
        for (String ref : refs) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            assertThat((Object) JsonPath.read(docs, "$.components.schemas." + name + ".additionalProperties"))
                    .as(name).isEqualTo(false);
        }
    }

    /** {"role": null} in a merge patch is a 422 (an account keeps its role); in a sign-up it means "USER". */
    @Test
    void null_is_documented_exactly_where_the_server_accepts_it() throws Exception {
        String docs = apiDocs();
        Map<String, List<String>> nullable = Map.of(
                "UserRequest", List.of("name", "age", "role", "password"),
                "UserPatch", List.of("name", "age"),
                "AdminSettings", List.of("requireIfMatch"),
                "LoginRequest", List.of());
        nullable.forEach((schema, members) -> {
            Map<String, Map<String, Object>> properties = JsonPath.read(docs, "$.components.schemas." + schema + ".properties");
            properties.forEach((member, property) -> {
                assertThat(types(property).contains("null")).as(schema + "." + member).isEqualTo(members.contains(member));
                if (property.get("enum") != null) {
                    assertThat(((List<?>) property.get("enum")).contains(null)).as(schema + "." + member + " enum")
                            .isEqualTo(members.contains(member));
                }
            });
        });
    }

    @Test
    void the_idempotency_key_header_states_the_key_grammar() throws Exception {
        List<Map<String, Object>> header = JsonPath.read(apiDocs(),
                "$.paths['/api/users'].post.parameters[?(@.name == 'Idempotency-Key' && @.in == 'header')].schema");
        Map<String, Object> schema = header.get(0);
        assertThat(schema).containsEntry("minLength", 1).containsEntry("maxLength", 130);
        java.util.regex.Pattern pattern = patternOf(schema);
        for (String valid : List.of("8e5f1c1e-3b7a-4c1e-9f4e-2a6b7c8d9e0f", "\"retry-7\"", "x".repeat(128))) {
            assertThat(pattern.matcher(valid).find()).as(valid).isTrue();
        }
        for (String invalid : List.of("has space", "back\\slash", "quote\"inside", "\"unterminated", "x".repeat(129), "cl\u00e9")) {
            assertThat(pattern.matcher(invalid).find()).as(invalid).isFalse();
        }
    }

    @Test
    void conditional_headers_state_the_entity_tag_grammar_as_a_pattern() throws Exception {
        String docs = apiDocs();
        for (String method : List.of("get", "put", "patch", "delete")) {
            for (String name : method.equals("get") ? List.of("If-None-Match") : List.of("If-Match", "If-None-Match")) {
                List<Map<String, Object>> schema = JsonPath.read(docs, "$.paths['/api/users/{id}']." + method
                        + ".parameters[?(@.name == '" + name + "' && @.in == 'header')].schema");
                java.util.regex.Pattern pattern = patternOf(schema.get(0));
                for (String valid : List.of("\"3\"", "W/\"3\"", "*", "\"1\", \"3\"")) {
                    assertThat(pattern.matcher(valid).find()).as(method + " " + name + ": " + valid).isTrue();
                }
                for (String invalid : List.of("3", "\"3\"junk", "\"a b\"", "*, \"3\"")) {
                    assertThat(pattern.matcher(invalid).find()).as(method + " " + name + ": " + invalid).isFalse();
                }
            }
        }
    }

    /** The settings' conditions are read by an interceptor, not by a controller parameter, on every method. */
    @Test
    void every_operation_on_the_settings_documents_both_conditional_headers_and_a_get_its_304_and_412() throws Exception {
        String docs = apiDocs();
        for (String method : List.of("get", "put", "delete")) {
            for (String name : List.of("If-Match", "If-None-Match")) {
                List<Map<String, Object>> schema = JsonPath.read(docs, "$.paths['/api/admin/settings']." + method
                        + ".parameters[?(@.name == '" + name + "' && @.in == 'header')].schema");
                assertThat(schema).as(method + " " + name).hasSize(1);
                assertThat(patternOf(schema.get(0)).pattern()).as(method + " " + name).isEqualTo(EntityTags.PATTERN);
            }
        }
        Map<String, Object> responses = JsonPath.read(docs, "$.paths['/api/admin/settings'].get.responses");
        assertThat(responses).containsKeys("304", "412", "400");
    }
}
