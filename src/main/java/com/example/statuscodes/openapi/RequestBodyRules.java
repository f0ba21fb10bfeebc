package com.example.statuscodes.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Two rules of the request bodies that no annotation states:
 * <ul>
 *   <li>{@code additionalProperties: false}: the server refuses a member the body's type does not have (a 400,
 *       {@code requestbody.StrictJson}), so a schema that allowed any other member would let a client build a request
 *       that is always refused;</li>
 *   <li>a nullable enum lists {@code null} among its values: a member typed {@code ["string", "null"]} with
 *       {@code enum: [USER, ADMIN]} would still refuse the null it claims to allow.</li>
 * </ul>
 * A schema that is also a response (the admin settings) describes that response as well: it has no other members.
 */
@Component
class RequestBodyRules implements OpenApiCustomizer {

    private static final String COMPONENT = "#/components/schemas/";

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        for (String name : requestBodySchemas(openApi)) {
            Schema<?> schema = schemas.get(name);
            if (schema == null) {
                continue;
            }
            schema.setAdditionalProperties(Boolean.FALSE);
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(RequestBodyRules::nullInNullableEnum);
            }
        }
    }

    /** The component names that some operation reads as its request body. */
    private static Set<String> requestBodySchemas(OpenAPI openApi) {
        Set<String> names = new TreeSet<>();
        openApi.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .map(Operation::getRequestBody)
                .filter(Objects::nonNull)
                .flatMap(body -> body.getContent() == null ? Stream.empty() : body.getContent().values().stream())
                .map(media -> media.getSchema() == null ? null : media.getSchema().get$ref())
                .filter(ref -> ref != null && ref.startsWith(COMPONENT))
                .forEach(ref -> names.add(ref.substring(COMPONENT.length())));
        return names;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void nullInNullableEnum(Schema property) {
        Set<String> types = property.getTypes();
        if (types != null && types.contains("null") && property.getEnum() != null && !property.getEnum().contains(null)) {
            property.getEnum().add(null);
        }
    }
}
