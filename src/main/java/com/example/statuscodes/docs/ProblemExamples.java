package com.example.statuscodes.docs;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Example problem bodies for the OpenAPI description: the guide's texts, and for each operation the detail
 * it really answers (the token endpoint's 401 is "Invalid email or password", not "Authentication required").
 */
final class ProblemExamples {

    private ProblemExamples() {
    }

    static Map<String, Object> of(HttpStatus status, String method, String path) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", status.getReasonPhrase());
        example.put("status", status.value());
        example.put("detail", detail(status, method, path));
        example.put("instance", path.replace("{id}", "42"));
        switch (status) {
            case BAD_REQUEST -> {
                if (path.endsWith("{id}") && !hasBody(method)) {
                    example.put("errors", Map.of("id", "Must be an integer"));
                } else if (path.equals("/api/users") && method.equals("GET")) {
                    example.put("errors", Map.of("size", "Must be between 1 and 100"));
                }
            }
            case UNPROCESSABLE_CONTENT -> example.put("errors", path.startsWith("/api/admin")
                    ? Map.of("defaultPageSize", "Must be between 1 and 100")
                    : Map.of("email", "Invalid format", "age", "Must be positive"));
            case INTERNAL_SERVER_ERROR -> example.put("errorId", "5d0f8a4e-6c1b-4f0e-9d4e-2f7c1a9b3e21");
            default -> {
            }
        }
        return example;
    }

    private static boolean hasBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private static String detail(HttpStatus status, String method, String path) {
        boolean token = path.equals("/api/auth/token");
        boolean admin = path.startsWith("/api/admin");
        return switch (status) {
            case BAD_REQUEST -> hasBody(method) ? "Request body is not valid JSON"
                    : path.endsWith("{id}") ? "Invalid request parameter: id" : "Invalid request parameter: size";
            case UNAUTHORIZED -> token ? "Invalid email or password" : "Authentication required";
            case FORBIDDEN -> admin ? "Admin access required"
                    : method.equals("POST") ? "Sign-ups are closed" : "You can only change your own account";
            case NOT_FOUND -> "User not found";
            case NOT_ACCEPTABLE -> "Acceptable representations: [application/json].";
            case CONFLICT -> method.equals("DELETE")
                    ? "The user was changed by another request; fetch it again and retry"
                    : "A user with this email already exists";
            case PRECONDITION_FAILED ->
                    "The user has changed since you fetched it (If-Match does not match the current ETag)";
            case CONTENT_TOO_LARGE -> "Request body is larger than the limit of 1048576 bytes";
            case UNSUPPORTED_MEDIA_TYPE -> method.equals("PATCH")
                    ? "Content-Type 'application/json' is not supported; use application/merge-patch+json"
                    : "Content-Type 'text/plain' is not supported; use application/json, application/*+json";
            case UNPROCESSABLE_CONTENT -> "Validation failed";
            case TOO_MANY_REQUESTS -> "Rate limit exceeded; retry in 6 seconds";
            case INTERNAL_SERVER_ERROR ->
                    "An unexpected error occurred. Report error id 5d0f8a4e-6c1b-4f0e-9d4e-2f7c1a9b3e21 if it persists.";
            default -> status.getReasonPhrase();
        };
    }
}
