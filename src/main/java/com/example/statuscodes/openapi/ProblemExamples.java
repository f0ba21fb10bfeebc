package com.example.statuscodes.openapi;

import com.example.statuscodes.admin.SettingsPreconditionFailedException;
import com.example.statuscodes.auth.AccessRules;
import com.example.statuscodes.auth.InvalidCredentialsException;
import com.example.statuscodes.errors.ApiExceptionHandler;
import com.example.statuscodes.errors.InvalidEntityTagsException;
import com.example.statuscodes.errors.Problems;
import com.example.statuscodes.errors.ValidationErrors;
import com.example.statuscodes.ratelimit.RateLimitExceededException;
import com.example.statuscodes.ratelimit.RateLimitPolicy;
import com.example.statuscodes.users.ConcurrentUpdateException;
import com.example.statuscodes.users.DuplicateEmailException;
import com.example.statuscodes.users.PreconditionFailedException;
import com.example.statuscodes.users.PreconditionRequiredException;
import com.example.statuscodes.users.SignupsClosedException;
import com.example.statuscodes.users.UserNotFoundException;
import com.example.statuscodes.requestbody.RequestBodyTooLargeException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Example problem bodies for the OpenAPI description, built by the same code that builds the real ones (the
 * domain exceptions, {@link ValidationErrors}, {@link Problems}) or from the constants it uses, so a changed
 * message cannot leave a stale example. For each operation the example is the detail it really answers
 * (the token endpoint's 401 is "Invalid email or password", not "Authentication required").
 */
final class ProblemExamples {

    /** The request id, which a 500 quotes as its error id. */
    private static final String ERROR_ID = OpenApiConfig.REQUEST_ID_EXAMPLE;

    private final long maxBodyBytes;

    ProblemExamples(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * @param consumes the media types the operation's mapping declares (every operation with a body declares them)
     */
    Map<String, Object> of(HttpStatus status, String method, String path, List<String> consumes) {
        ProblemDetail problem = problem(status, method, path, consumes);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", problem.getType() != null ? problem.getType().toString() : "about:blank");
        example.put("title", status.getReasonPhrase());
        example.put("status", status.value());
        example.put("detail", problem.getDetail());
        example.put("instance", path.replace("{id}", "42"));
        if (problem.getProperties() != null) {
            example.putAll(problem.getProperties());
        }
        example.put("requestId", ERROR_ID);
        return example;
    }

    private ProblemDetail problem(HttpStatus status, String method, String path, List<String> consumes) {
        boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        boolean admin = path.startsWith("/api/admin");
        return switch (status) {
            case BAD_REQUEST -> hasBody ? plain(status, ApiExceptionHandler.NOT_JSON)
                    : path.endsWith("{id}") ? new ValidationErrors().badParameter("id", ValidationErrors.expected(Long.class)).toProblem()
                    : admin ? new InvalidEntityTagsException(List.of(HttpHeaders.IF_MATCH)).getBody() // a DELETE's only 400
                    : new ValidationErrors().badParameter("size", "Must be between 1 and 100").toProblem();
            case UNAUTHORIZED -> plain(status, path.equals("/api/auth/token") ? InvalidCredentialsException.DETAIL
                    : ApiExceptionHandler.AUTHENTICATION_REQUIRED);
            case FORBIDDEN -> plain(status, admin ? AccessRules.ADMIN_ONLY
                    : method.equals("POST") ? SignupsClosedException.DETAIL : AccessRules.OWN_ACCOUNT_ONLY);
            case NOT_FOUND -> new UserNotFoundException().getBody();
            case NOT_ACCEPTABLE -> plain(status, "Acceptable representations: [application/json]."); // Spring's text
            case CONFLICT -> method.equals("DELETE") ? new ConcurrentUpdateException(null).getBody()
                    : new DuplicateEmailException(null).getBody();
            case PRECONDITION_FAILED -> plain(status, !admin ? PreconditionFailedException.DETAIL
                    : method.equals("GET") ? SettingsPreconditionFailedException.READ_DETAIL
                    : SettingsPreconditionFailedException.DETAIL);
            case PRECONDITION_REQUIRED -> new PreconditionRequiredException().getBody();
            case CONTENT_TOO_LARGE -> new RequestBodyTooLargeException(maxBodyBytes).getBody();
            case UNSUPPORTED_MEDIA_TYPE -> plain(status, unsupportedMediaType(method, consumes));
            case UNPROCESSABLE_CONTENT -> unprocessable(admin);
            case TOO_MANY_REQUESTS -> new RateLimitExceededException(RateLimitPolicy.perMinute("login", 10), 6).getBody();
            case SERVICE_UNAVAILABLE -> plain(status, ApiExceptionHandler.UNAVAILABLE);
            case INTERNAL_SERVER_ERROR -> Problems.serverError(ERROR_ID);
            default -> plain(status, status.getReasonPhrase());
        };
    }

    /**
     * The 415 a client typically gets: plain JSON where a merge patch is required (PATCH), a merge patch where a
     * whole resource is required (PUT), or text where JSON is expected (POST).
     */
    private static String unsupportedMediaType(String method, List<String> consumes) {
        List<MediaType> accepted = MediaType.parseMediaTypes(consumes);
        String sent = method.equals("PATCH") ? MediaType.APPLICATION_JSON_VALUE
                : method.equals("PUT") ? "application/merge-patch+json"
                : MediaType.TEXT_PLAIN_VALUE;
        return ApiExceptionHandler.unsupportedMediaType(sent, accepted);
    }

    private static ProblemDetail plain(HttpStatus status, String detail) {
        return Problems.of(status, detail);
    }

    private static ProblemDetail unprocessable(boolean admin) {
        ValidationErrors errors = new ValidationErrors();
        if (admin) {
            errors.field(ruleBroken("defaultPageSize", "Max", "Must be between 1 and 100"));
        } else {
            errors.field(ruleBroken("email", "Pattern", "Invalid format"));
            errors.field(ruleBroken("age", "Positive", "Must be positive"));
        }
        return errors.toProblem();
    }

    /** A field error as bean validation reports it: the constraint's name is its code. */
    private static FieldError ruleBroken(String field, String constraint, String message) {
        return new FieldError("body", field, null, false, new String[] {constraint}, null, message);
    }
}
