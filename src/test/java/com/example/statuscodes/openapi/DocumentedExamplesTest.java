package com.example.statuscodes.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * What Swagger UI sends when a person presses Execute without editing anything succeeds: every operation of
 * {@code /v3/api-docs} is sent as its examples describe it (path, query and header parameters, request body), as the
 * demo admin whose login is the token endpoint's example, on a fresh copy of the demo data. Deletions go last, as a
 * person trying the API would. A request body without an example fails the test: Swagger UI would make one up from
 * the schema (a role a sign-up may not set, settings that make If-Match mandatory). Only operations that document no
 * success at all are left out: the 500 demo.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:documented-examples;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("Every documented request example succeeds as Swagger UI sends it")
class DocumentedExamplesTest {

    private static final String TOKEN_PATH = "/api/auth/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    private record Operation(String method, String path, JsonNode description) {
    }

    @Test
    void every_operation_sent_with_its_documented_examples_answers_2xx() throws Exception {
        JsonNode docs = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        List<Operation> operations = operations(docs);
        List<String> failures = new ArrayList<>();

        Operation login = operations.stream().filter(op -> op.path().equals(TOKEN_PATH)).findFirst().orElseThrow();
        MockHttpServletResponse loggedIn = send(docs, login, null, failures);
        assertThat(loggedIn.getStatus()).as("the login example: " + loggedIn.getContentAsString()).isEqualTo(200);
        String token = JSON.readTree(loggedIn.getContentAsString()).get("access_token").asText();

        for (Operation operation : operations) {
            if (operation != login) {
                send(docs, operation, "Bearer " + token, failures);
            }
        }
        assertThat(failures).as("examples that do not succeed").isEmpty();
        assertThat(operations).as("operations sent").hasSizeGreaterThanOrEqualTo(10);
    }

    /** Every operation that documents a success, deletions last (each stays in document order otherwise). */
    private static List<Operation> operations(JsonNode docs) {
        List<Operation> operations = new ArrayList<>();
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            boolean succeeds = false;
            for (Iterator<String> codes = method.getValue().get("responses").fieldNames(); codes.hasNext(); ) {
                succeeds |= codes.next().startsWith("2");
            }
            if (succeeds) {
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
            }
        }));
        operations.sort(Comparator.comparing(operation -> operation.method().equals("DELETE")));
        return operations;
    }

    private MockHttpServletResponse send(JsonNode docs, Operation operation, String authorization, List<String> failures)
            throws Exception {
        String label = operation.method() + " " + operation.path();
        String path = operation.path();
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        MockHttpServletRequestBuilder request;
        List<String[]> headers = new ArrayList<>();
        for (JsonNode parameter : operation.description().path("parameters")) {
            JsonNode value = parameter.has("example") ? parameter.get("example") : parameter.path("schema").get("default");
            String name = parameter.get("name").asText();
            if (value == null) {
                if (parameter.path("required").asBoolean()) {
                    failures.add(label + ": required parameter " + name + " has no example");
                }
                continue;
            }
            switch (parameter.get("in").asText()) {
                case "path" -> path = path.replace("{" + name + "}", value.asText());
                case "query" -> query.queryParam(name, value.asText());
                case "header" -> headers.add(new String[] {name, value.asText()});
                default -> failures.add(label + ": parameter " + name + " in " + parameter.get("in"));
            }
        }
        request = request(org.springframework.http.HttpMethod.valueOf(operation.method()), path + query.build().toUriString());
        headers.forEach(header -> request.header(header[0], header[1]));
        JsonNode content = operation.description().path("requestBody").path("content");
        if (!content.isMissingNode()) {
            Map.Entry<String, JsonNode> media = content.properties().iterator().next();
            JsonNode example = bodyExample(docs, media.getValue());
            if (example == null || !example.isObject()) {
                failures.add(label + ": the request body has no example object (" + example + ")");
                return new MockHttpServletResponse();
            }
            request.contentType(media.getKey()).content(JSON.writeValueAsString(example));
        }
        boolean secured = !operation.description().has("security") || !operation.description().get("security").isEmpty();
        if (secured && authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        if (response.getStatus() / 100 != 2) {
            failures.add(label + " → " + response.getStatus() + " " + response.getContentAsString());
        }
        return response;
    }

    /** The media type's example, the first of its named examples, or the example of the schema it refers to. */
    private static JsonNode bodyExample(JsonNode docs, JsonNode media) {
        if (media.has("example")) {
            return media.get("example");
        }
        if (media.has("examples") && !media.get("examples").isEmpty()) {
            return media.get("examples").elements().next().get("value");
        }
        String ref = media.path("schema").path("$ref").asText("");
        JsonNode schema = docs.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
        return schema.get("example");
    }
}
