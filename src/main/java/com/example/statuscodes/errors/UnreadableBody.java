package com.example.statuscodes.errors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Why a body could not be read, in words a client can act on: every case is a 400, but Jackson's exception says
 * which field was wrong, and how. Unknown, duplicate and wrong-typed fields go into the same {@code errors} map as
 * validation ({@link ValidationErrors}); the limits are {@code requestbody.StrictJson}'s.
 */
final class UnreadableBody {

    static final String NOT_JSON = "Request body is not valid JSON";

    private UnreadableBody() {
    }

    static ProblemDetail problemFor(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof StreamConstraintsException) {
            return Problems.of(HttpStatus.BAD_REQUEST,
                    "Request body exceeds the JSON limits (nesting depth, string or number length)");
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new ValidationErrors().unknownField(fieldPath(unknown)).toProblem();
        }
        if (cause instanceof StreamReadException duplicate && duplicate.processor() != null
                && String.valueOf(duplicate.getOriginalMessage()).startsWith("Duplicate")) {
            // Jackson's duplicate detection has no exception type of its own; the parser stands on the name.
            return new ValidationErrors().duplicateField(duplicate.processor().currentName()).toProblem();
        }
        if (cause instanceof UnreadableValue value && cause instanceof JacksonException read) {
            return new ValidationErrors().wrongType(fieldPath(read), value.requirement()).toProblem();
        }
        if (cause instanceof MismatchedInputException || cause instanceof InputCoercionException) {
            String field = fieldPath((JacksonException) cause);
            if (field.isEmpty()) {
                return Problems.of(HttpStatus.BAD_REQUEST, "Request body must be a JSON object");
            }
            Class<?> target = cause instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
                    : ((InputCoercionException) cause).getTargetType();
            return new ValidationErrors().wrongType(field, ValidationErrors.expected(target)).toProblem();
        }
        if (cause == null) {
            return Problems.of(HttpStatus.BAD_REQUEST, "Request body is missing");
        }
        return Problems.of(HttpStatus.BAD_REQUEST, NOT_JSON);
    }

    /** {@code address.city}, {@code tags[2]}: where in the document the problem is. */
    static String fieldPath(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
