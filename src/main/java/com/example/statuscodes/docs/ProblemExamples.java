package com.example.statuscodes.docs;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** The guide's example bodies, one per status, for the OpenAPI description and Swagger UI. */
final class ProblemExamples {

    private ProblemExamples() {
    }

    static Map<String, Object> of(HttpStatus status, boolean admin) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", status.getReasonPhrase());
        example.put("status", status.value());
        example.put("detail", detail(status, admin));
        example.put("instance", admin ? "/api/admin/settings" : "/api/users/42");
        switch (status) {
            case UNPROCESSABLE_CONTENT -> example.put("errors",
                    Map.of("email", "Invalid format", "age", "Must be positive"));
            case INTERNAL_SERVER_ERROR -> example.put("errorId", "5d0f8a4e-6c1b-4f0e-9d4e-2f7c1a9b3e21");
            default -> {
            }
        }
        return example;
    }

    private static String detail(HttpStatus status, boolean admin) {
        return switch (status) {
            case BAD_REQUEST -> "Request body is not valid JSON";
            case UNAUTHORIZED -> "Authentication required";
            case FORBIDDEN -> admin ? "Admin access required"
                    : "You can only change your own account";
            case NOT_FOUND -> "User not found";
            case NOT_ACCEPTABLE -> "Acceptable representations: [application/json, application/*+json].";
            case CONFLICT -> "A user with this email already exists";
            case PRECONDITION_FAILED ->
                    "The user has changed since you fetched it (If-Match does not match the current ETag)";
            case CONTENT_TOO_LARGE -> "Request body is larger than the limit of 1048576 bytes";
            case UNSUPPORTED_MEDIA_TYPE -> "Content-Type 'text/plain' is not supported; use application/json, application/*+json";
            case UNPROCESSABLE_CONTENT -> "Validation failed";
            case TOO_MANY_REQUESTS -> "Rate limit exceeded; retry in 6 seconds";
            case INTERNAL_SERVER_ERROR ->
                    "An unexpected error occurred. Report error id 5d0f8a4e-6c1b-4f0e-9d4e-2f7c1a9b3e21 if it persists.";
            default -> status.getReasonPhrase();
        };
    }
}
