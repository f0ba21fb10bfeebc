package com.example.statuscodes.fuzz;

import com.example.statuscodes.admin.AdminSettingsStore;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.support.Tokens;
import com.example.statuscodes.users.Role;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Issue #22, as a property: a request that {@code /v3/api-docs} allows is never refused for a rule (no 400, no 422,
 * no 5xx), and a request that breaks one of its rules is refused (400 or 422). Every operation's parameters and body
 * are generated from the document alone ({@link SchemaValues}), from a seed that a failure prints (run again with
 * {@code -Dfuzz.seed=…}). The converse leaves out the rules that the document states more strictly than the server
 * on purpose ({@link #STRICTER}): the server answers those requests, just not with a 2xx.
 * <p>
 * Writes go to fresh users, as the admin (or anonymously where the operation needs no token); the settings are reset
 * after each change, so that a generated {@code requireIfMatch: true} does not turn the next writes into 428s. Its
 * own in-memory database: the generated requests change data.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:schema-property;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({Tokens.class, TestUsers.class})
@DisplayName("What the document allows is never refused for a rule; what it forbids is refused")
class SchemaPropertyTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261206L);
    private static final int VALID_REQUESTS_PER_OPERATION = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Rules the document states more strictly than the server: a request that breaks only these is answered, not
     * refused as malformed. Key: schema (or header) and member, with the keyword; "*" for every schema.
     */
    private static final Map<String, String> STRICTER = Map.of(
            "*.password.pattern", "approximates 72 bytes in UTF-8 within what JSON Schema can count (code points)",
            "LoginRequest.email.pattern", "a login with any e-mail is answered: 401 when no account has it",
            "LoginRequest.email.minLength", "a login with any e-mail is answered: 401",
            "LoginRequest.email.maxLength", "a login with any e-mail is answered: 401",
            "LoginRequest.password.minLength", "a login with any password is answered: 401 when wrong",
            "LoginRequest.password.maxLength", "a login with any password is answered: 401 when wrong");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    UserRepository repository;
    @Autowired
    AdminSettingsStore settings;

    private JsonNode docs;
    private String admin;
    private final Set<String> idempotencyKeys = new HashSet<>();

    private record Operation(String method, String path, JsonNode description) {
    }

    @BeforeEach
    void readTheDocument() throws Exception {
        docs = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        admin = users.admin();
    }

    @Test
    void requests_the_document_allows_are_never_refused_for_a_rule() throws Exception {
        Random random = new Random(SEED);
        SchemaValues values = new SchemaValues(docs, random);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation operation : operations()) {
            if (!documentsSuccess(operation)) {
                continue; // the demo of a 500: it takes no input, and every call would log its stack trace
            }
            for (int i = 0; i < VALID_REQUESTS_PER_OPERATION; i++) {
                Request request = validRequest(operation, values, random, true);
                MockHttpServletResponse response = send(request);
                sent++;
                int status = response.getStatus();
                if (status == 400 || status == 422 || status >= 500) {
                    failures.add(status + " for " + request + " → " + response.getContentAsString());
                }
            }
        }
        assertThat(failures).as("documented-valid requests refused (-Dfuzz.seed=%d)", SEED).isEmpty();
        assertThat(sent).isGreaterThan(200);
    }

    @Test
    void requests_that_break_a_documented_rule_are_refused() throws Exception {
        Random random = new Random(SEED + 1);
        SchemaValues values = new SchemaValues(docs, random);
        List<String> failures = new ArrayList<>();
        Set<String> rulesTried = new java.util.TreeSet<>();
        for (Operation operation : operations()) {
            if (!documentsSuccess(operation)) {
                continue;
            }
            var media = media(operation);
            if (media != null) {
                String schemaName = schemaName(media.getValue());
                for (SchemaValues.Violation violation : values.violations(media.getValue().get("schema"))) {
                    Request request = validRequest(operation, values, random, false);
                    request.headers.clear(); // a 412 for a condition is decided before a merge patch is validated
                    request.body = violation.value();
                    check(schemaName + "." + violation.rule(), request, rulesTried, failures);
                }
            }
            for (JsonNode parameter : operation.description().path("parameters")) {
                String name = parameter.get("name").asText();
                JsonNode schema = values.resolve(parameter.get("schema"));
                boolean array = SchemaValues.types(schema).contains("array");
                JsonNode item = array ? values.resolve(schema.get("items")) : schema;
                values.brokenValues(item, SchemaValues.types(item)).forEach((keyword, broken) -> {
                    if (Set.of("null", "type", "fraction").contains(keyword)) {
                        return; // on the wire every parameter is a string: these are no values of one
                    }
                    Request request = validRequest(operation, values, random, false);
                    request.headers.clear(); // the broken one alone: no 412 for another condition first
                    request.set(parameter.get("in").asText(), name, broken.asText());
                    try {
                        check(name + "." + keyword, request, rulesTried, failures);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
        assertThat(failures).as("requests breaking a documented rule that were not refused (-Dfuzz.seed=%d)", SEED).isEmpty();
        assertThat(rulesTried).as("rules tried").contains("UserRequest.email.pattern", "UserRequest.name.maxLength",
                "UserRequest.unlisted.additionalProperties", "UserPatch.role.null", "UserPatch.age.maximum", "UserRequest.age.exclusiveMinimum",
                "AdminSettings.requireIfMatch.type", "Idempotency-Key.pattern", "Idempotency-Key.maxLength",
                "If-Match.pattern", "sort.enum", "size.maximum", "id.minimum");
    }

    private void check(String rule, Request request, Set<String> rulesTried, List<String> failures) throws Exception {
        String member = rule.substring(rule.indexOf('.') + 1);
        if (STRICTER.containsKey(rule) || STRICTER.containsKey("*." + member)) {
            return;
        }
        rulesTried.add(rule);
        MockHttpServletResponse response = send(request);
        if (response.getStatus() != 400 && response.getStatus() != 422) {
            failures.add(rule + ": " + response.getStatus() + " for " + request + " → " + response.getContentAsString());
        }
    }

    // ---- the requests ----

    /** One request, as sent: for the report of a failure. */
    private static final class Request {
        final String method;
        String path;
        final Map<String, List<String>> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        String contentType;
        JsonNode body;
        boolean asAdmin = true;

        Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        void set(String in, String name, String value) {
            switch (in) {
                case "path" -> path = path.replaceAll("/[^/]*$", "/" + value);
                case "query" -> query.put(name, List.of(value));
                case "header" -> headers.put(name, value);
                default -> throw new IllegalArgumentException(in);
            }
        }

        @Override
        public String toString() {
            return method + " " + path + " " + query + " " + headers + (asAdmin ? " as the admin " : " anonymously ")
                    + (body == null ? "" : contentType + " " + body);
        }
    }

    /**
     * @param anyId whether a GET may name any id the schema allows (a 404 is an answer); otherwise every id is a
     *              fresh account's, so that a broken rule is not hidden behind the 404 decided before it
     */
    private Request validRequest(Operation operation, SchemaValues values, Random random, boolean anyId) {
        Request request = new Request(operation.method(), operation.path());
        boolean anonymousAllowed = operation.description().has("security") && operation.description().get("security").isEmpty();
        request.asAdmin = !anonymousAllowed || random.nextBoolean();
        for (JsonNode parameter : operation.description().path("parameters")) {
            String name = parameter.get("name").asText();
            String in = parameter.get("in").asText();
            if (in.equals("path")) {
                // a write needs an account to write: a fresh one (any id the schema allows is a 404 for a PATCH)
                String id = anyId && operation.method().equals("GET") ? values.valid(parameter.get("schema")).asText()
                        : Long.toString(freshUser());
                request.path = request.path.replace("{" + name + "}", id);
            } else if (parameter.path("required").asBoolean() || random.nextBoolean()) {
                JsonNode value = values.valid(parameter.get("schema"));
                if (in.equals("query")) {
                    List<String> texts = new ArrayList<>();
                    (value.isArray() ? value : JSON.createArrayNode().add(value)).forEach(v -> texts.add(v.asText()));
                    request.query.put(name, texts);
                } else if (name.equals("Idempotency-Key")) {
                    String key = value.asText();
                    if (idempotencyKeys.add(key.replace("\"", ""))) { // a key used before is a replay or a 422: state, not a rule
                        request.headers.put(name, key);
                    }
                } else {
                    request.headers.put(name, value.asText());
                }
            }
        }
        var media = media(operation);
        if (media != null) {
            request.contentType = media.getKey();
            request.body = values.valid(media.getValue().get("schema"));
        }
        return request;
    }

    private MockHttpServletResponse send(Request request) throws Exception {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(request.path);
        request.query.forEach((name, texts) -> texts.forEach(text -> uri.queryParam(name, text)));
        MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(request.method), uri.encode().build().toUri());
        request.headers.forEach(builder::header);
        if (request.asAdmin) {
            builder.header(HttpHeaders.AUTHORIZATION, admin);
        }
        if (request.body != null) {
            builder.contentType(request.contentType).content(JSON.writeValueAsString(request.body));
        }
        try {
            return mvc.perform(builder).andReturn().getResponse();
        } finally {
            if (request.path.startsWith("/api/admin") && !request.method.equals("GET")) {
                TestUsers.asAdmin(settings::reset);
            }
        }
    }

    private long freshUser() {
        return repository.save(new User(TestUsers.uniqueEmail("schema"), null, null, Role.USER, Instant.now())).getId();
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()))));
        return operations;
    }

    private static boolean documentsSuccess(Operation operation) {
        List<String> codes = new ArrayList<>();
        operation.description().path("responses").fieldNames().forEachRemaining(codes::add);
        return codes.stream().anyMatch(code -> code.startsWith("2"));
    }

    private static Map.Entry<String, JsonNode> media(Operation operation) {
        JsonNode content = operation.description().path("requestBody").path("content");
        return content.isMissingNode() ? null : content.properties().iterator().next();
    }

    private static String schemaName(JsonNode media) {
        String ref = media.path("schema").path("$ref").asText("");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
