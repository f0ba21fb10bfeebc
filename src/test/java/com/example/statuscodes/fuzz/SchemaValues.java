package com.example.statuscodes.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Values that a JSON Schema of the OpenAPI document allows ({@link #valid}) or forbids ({@link #violations}), generated
 * from nothing but the schema: its types (with {@code "null"}), {@code enum}, {@code minLength}/{@code maxLength}
 * (code points, as JSON Schema counts them), {@code pattern}, {@code minimum}/{@code maximum} and their exclusive
 * forms, {@code required},
 * {@code additionalProperties} and {@code $ref}. A string with a pattern is generated from the pattern itself (the
 * subset of regular expressions the document uses: classes, escapes, groups, alternatives, quantifiers, a lookahead),
 * then checked against it as JSON Schema does (unanchored search), with its lengths; so a value this class calls valid
 * is valid by the document, whatever the server thinks of it.
 */
final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int ATTEMPTS = 500;

    /** One value the schema forbids, and the keyword it breaks (as {@code property.keyword}, for the report). */
    record Violation(String rule, JsonNode value) {
    }

    private final JsonNode components;
    private final Random random;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    SchemaValues(JsonNode document, Random random) {
        this.components = document.path("components").path("schemas");
        this.random = random;
    }

    JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : components.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    // ---- valid values ----

    JsonNode valid(JsonNode schema) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        List<String> types = types(schema);
        if (types.contains("null") && random.nextInt(5) == 0) {
            return NODES.nullNode();
        }
        String type = types.stream().filter(t -> !t.equals("null")).findFirst().orElse("null");
        return switch (type) {
            case "string" -> NODES.textNode(validString(schema));
            case "integer" -> NODES.numberNode(validInteger(schema));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "array" -> validArray(schema);
            case "object" -> validObject(schema);
            case "null" -> NODES.nullNode();
            default -> throw new IllegalArgumentException("No values for type " + type + " in " + schema);
        };
    }

    static List<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        List<String> types = new ArrayList<>();
        if (type == null) {
            types.add(schema.has("properties") ? "object" : "string");
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    private ObjectNode validObject(JsonNode schema) {
        ObjectNode object = NODES.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").properties().forEach(property -> {
            if (required.contains(property.getKey()) || random.nextBoolean()) {
                object.set(property.getKey(), valid(property.getValue()));
            }
        });
        return object;
    }

    private JsonNode validArray(JsonNode schema) {
        var array = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            array.add(valid(schema.path("items")));
        }
        return array;
    }

    private BigInteger validInteger(JsonNode schema) {
        BigInteger min = bound(schema, "minimum", "int64".equals(schema.path("format").asText())
                ? BigInteger.valueOf(Long.MIN_VALUE) : BigInteger.valueOf(Integer.MIN_VALUE));
        BigInteger max = bound(schema, "maximum", "int64".equals(schema.path("format").asText())
                ? BigInteger.valueOf(Long.MAX_VALUE) : BigInteger.valueOf(Integer.MAX_VALUE));
        if (schema.has("exclusiveMinimum")) { // OpenAPI 3.1: a number, the bound itself excluded
            min = min.max(schema.get("exclusiveMinimum").bigIntegerValue().add(BigInteger.ONE));
        }
        if (schema.has("exclusiveMaximum")) {
            max = max.min(schema.get("exclusiveMaximum").bigIntegerValue().subtract(BigInteger.ONE));
        }
        return switch (random.nextInt(4)) {
            case 0 -> min;
            case 1 -> max;
            default -> min.add(new BigInteger(max.subtract(min).bitLength(), random).mod(max.subtract(min).add(BigInteger.ONE)));
        };
    }

    private static BigInteger bound(JsonNode schema, String keyword, BigInteger otherwise) {
        return schema.has(keyword) ? schema.get(keyword).bigIntegerValue() : otherwise;
    }

    String validString(JsonNode schema) {
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Math.max(min, 40));
        String pattern = schema.path("pattern").asText(null);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String candidate = pattern != null ? new RegexStrings(pattern, random).generate() : freeText(min, max);
            if (allows(schema, candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No string found for " + schema + " in " + ATTEMPTS + " attempts");
    }

    /** What JSON Schema says of a string: lengths in code points, the pattern searched for anywhere in it. */
    boolean allows(JsonNode schema, String value) {
        int length = value.codePointCount(0, value.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()
                || schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            return false;
        }
        String pattern = schema.path("pattern").asText(null);
        return pattern == null || patterns.computeIfAbsent(pattern, Pattern::compile).matcher(value).find();
    }

    /** Any characters: ASCII, Latin-1, CJK, emoji, a tab or a line break; the length at an edge half of the time. */
    private String freeText(int min, int max) {
        int length = switch (random.nextInt(4)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + random.nextInt(max - min + 1);
        };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(anyCharacter(random));
        }
        return text.toString();
    }

    static int anyCharacter(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> 0x00A0 + random.nextInt(0x60);    // Latin-1: two bytes in UTF-8
            case 1 -> 0x4E00 + random.nextInt(0x5000);  // CJK: three bytes
            case 2 -> 0x1F600 + random.nextInt(0x50);   // emoji: four bytes, two UTF-16 units
            case 3 -> random.nextBoolean() ? '\t' : '\n';
            default -> 0x20 + random.nextInt(0x5F);     // printable ASCII
        };
    }

    // ---- forbidden values ----

    /**
     * Each way a member of this object schema can break it, one at a time, each inside an otherwise valid object:
     * wrong type, null where null is not allowed, a value outside the enum, lengths and bounds one past the limit,
     * a string outside the pattern, a required member missing, and a member the schema does not list.
     */
    List<Violation> violations(JsonNode objectSchema) {
        JsonNode schema = resolve(objectSchema);
        List<Violation> violations = new ArrayList<>();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode property = resolve(entry.getValue());
            List<String> types = types(property);
            for (Map.Entry<String, JsonNode> broken : brokenValues(property, types).entrySet()) {
                ObjectNode body = validObject(schema);
                body.set(name, broken.getValue());
                violations.add(new Violation(name + "." + broken.getKey(), body));
            }
            if (required.contains(name)) {
                ObjectNode body = validObject(schema);
                body.remove(name);
                violations.add(new Violation(name + ".required", body));
            }
        });
        if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
            ObjectNode body = validObject(schema);
            body.put("unlisted", 1);
            violations.add(new Violation("unlisted.additionalProperties", body));
        }
        return violations;
    }

    /** For one schema: keyword → a value that breaks that keyword only (as far as one value can). */
    Map<String, JsonNode> brokenValues(JsonNode schema, List<String> types) {
        Map<String, JsonNode> broken = new java.util.LinkedHashMap<>();
        if (!types.contains("null") && (!schema.has("enum") || !containsNull(schema.get("enum")))) {
            broken.put("null", NODES.nullNode());
        }
        if (schema.has("enum")) {
            broken.put("enum", types.contains("integer") ? NODES.numberNode(-987654) : NODES.textNode("NOT_LISTED"));
        }
        if (types.contains("string")) {
            broken.put("type", NODES.numberNode(7));
            if (schema.has("maxLength")) {
                broken.put("maxLength", NODES.textNode("x".repeat(schema.get("maxLength").asInt() + 1)));
            }
            if (schema.has("minLength") && schema.get("minLength").asInt() > 0) {
                broken.put("minLength", NODES.textNode("x".repeat(schema.get("minLength").asInt() - 1)));
            }
            if (schema.has("pattern")) {
                String outside = outsidePattern(schema);
                if (outside != null) {
                    broken.put("pattern", NODES.textNode(outside));
                }
            }
        } else if (types.contains("integer")) {
            broken.put("type", NODES.textNode("1"));
            broken.put("fraction", NODES.numberNode(1.5));
            if (schema.has("minimum")) {
                broken.put("minimum", NODES.numberNode(schema.get("minimum").bigIntegerValue().subtract(BigInteger.ONE)));
            }
            if (schema.has("maximum")) {
                broken.put("maximum", NODES.numberNode(schema.get("maximum").bigIntegerValue().add(BigInteger.ONE)));
            }
            if (schema.has("exclusiveMinimum")) {
                broken.put("exclusiveMinimum", NODES.numberNode(schema.get("exclusiveMinimum").bigIntegerValue()));
            }
            if (schema.has("exclusiveMaximum")) {
                broken.put("exclusiveMaximum", NODES.numberNode(schema.get("exclusiveMaximum").bigIntegerValue()));
            }
        } else if (types.contains("boolean")) {
            broken.put("type", NODES.textNode("true"));
        }
        return broken;
    }

    private static boolean containsNull(JsonNode values) {
        for (JsonNode value : values) {
            if (value.isNull()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A string of allowed length that the pattern refuses: a valid one with a character inserted inside it (a space,
     * a quote, a backslash, an "@", a non-ASCII letter), never at its ends, where a header's whitespace is trimmed.
     */
    String outsidePattern(JsonNode schema) {
        String[] inserts = {" ", "\"", "\\", "@", "\u00e9", ",", "."};
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String valid = validString(schema);
            if (valid.length() < 2) {
                continue;
            }
            int at = 1 + random.nextInt(valid.length() - 1);
            if (Character.isLowSurrogate(valid.charAt(at))) {
                continue;
            }
            String candidate = valid.substring(0, at) + inserts[random.nextInt(inserts.length)] + valid.substring(at);
            int length = candidate.codePointCount(0, candidate.length());
            boolean lengthAllowed = length >= schema.path("minLength").asInt(0)
                    && length <= schema.path("maxLength").asInt(Integer.MAX_VALUE);
            if (lengthAllowed && !allows(schema, candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
