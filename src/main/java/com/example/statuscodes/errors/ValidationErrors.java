package com.example.statuscodes.errors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/**
 * The guide's {@code "errors"} map (one message per field or parameter) and the status it adds up to.
 * <p>
 * The 400/422 line: if the server could not understand the request (a required field is missing, a value
 * has the wrong type, a field is unknown or sent twice, a query or path parameter is bad) the answer is 400; if it understood the request
 * but a value breaks a rule ({@code "age": -5}; in a merge patch, {@code "email": null}, an instruction to remove what an
 * account cannot be without) the answer is 422. Both use the same map, so a client
 * handles them with one piece of code.
 */
public final class ValidationErrors {

    /** Constraint codes that mean "the value is not there": without it the request cannot be understood. */
    private static final Set<String> MISSING_CODES = Set.of("NotNull", "NotBlank", "NotEmpty");

    /** In order of precedence: when one name has entries of two kinds, the first kind's message is kept. */
    private enum Kind { MISSING, WRONG_TYPE, UNKNOWN, DUPLICATE, BAD_PARAMETER, RULE }

    private record Entry(Kind kind, String message) {
    }

    /** The kinds in their declared order (a missing value first), then the message, alphabetically. */
    private static final Comparator<Entry> PRECEDENCE = Comparator.comparing(Entry::kind).thenComparing(Entry::message);

    private final Map<String, Entry> entries = new TreeMap<>();

    public ValidationErrors field(FieldError error) {
        Kind kind = MISSING_CODES.contains(error.getCode()) ? Kind.MISSING : Kind.RULE;
        return put(error.getField(), kind, error.getDefaultMessage());
    }

    public ValidationErrors wrongType(String field, String message) {
        return put(field, Kind.WRONG_TYPE, message);
    }

    /** A member the body's type does not have: most often a typo, whose value would otherwise be lost. */
    public ValidationErrors unknownField(String field) {
        return put(field, Kind.UNKNOWN, "Unknown field");
    }

    /** A member sent twice: which value was meant cannot be known. */
    public ValidationErrors duplicateField(String field) {
        return put(field, Kind.DUPLICATE, "Sent more than once");
    }

    public ValidationErrors badParameter(String parameter, String message) {
        return put(parameter, Kind.BAD_PARAMETER, message);
    }

    /** One message per field: "missing" beats any rule, otherwise the alphabetically first, so output is stable. */
    private ValidationErrors put(String name, Kind kind, String message) {
        entries.merge(name, new Entry(kind, message), BinaryOperator.minBy(PRECEDENCE));
        return this;
    }

    public ProblemDetail toProblem() {
        ProblemDetail problem;
        if (has(Kind.BAD_PARAMETER)) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request parameter: " + names(Kind.BAD_PARAMETER));
        } else if (has(Kind.UNKNOWN)) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "Unknown field: " + names(Kind.UNKNOWN));
        } else if (has(Kind.DUPLICATE)) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "Duplicate field: " + names(Kind.DUPLICATE));
        } else if (has(Kind.WRONG_TYPE)) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid value for field: " + names(Kind.WRONG_TYPE));
        } else if (has(Kind.MISSING)) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "Missing required field: " + names(Kind.MISSING));
        } else {
            // Understood but invalid: the guide's 422.
            problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed");
        }
        Map<String, String> messages = new TreeMap<>();
        entries.forEach((name, entry) -> messages.put(name, entry.message()));
        problem.setType(ProblemType.VALIDATION.uri());
        problem.setProperty("errors", messages);
        return problem;
    }

    private boolean has(Kind kind) {
        return entries.values().stream().anyMatch(entry -> entry.kind == kind);
    }

    private String names(Kind kind) {
        return entries.entrySet().stream()
                .filter(entry -> entry.getValue().kind == kind)
                .map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
    }

    /** How a client should fix a value of the wrong type. */
    public static String expected(Class<?> type) {
        if (type == null) {
            return "Invalid value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "Must be an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "Must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "Must be true or false";
        }
        if (type.isEnum()) {
            return "Must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "Must be a string";
        }
        return "Invalid value";
    }
}
