package com.example.statuscodes.errors;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The one place an RFC 9457 problem is built. Every error body of this API, whichever layer
 * raises it (controller, advice, security filter, rate limiter, container error page), starts here,
 * so all of them share one shape: {@code type, title, status, detail, instance}, plus the extension members
 * of their {@link ProblemType}.
 */
public final class Problems {

    /** "about:blank": the problem means no more than its HTTP status code (RFC 9457, section 4.2.1). */
    public static final URI DEFAULT_TYPE = URI.create("about:blank");

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(DEFAULT_TYPE);
        return problem;
    }

    /** 404 for a path no controller maps (including {@code /error} asked for directly). */
    public static ProblemDetail noEndpoint(String method, String path) {
        return of(HttpStatus.NOT_FOUND, "No endpoint " + method + " " + path);
    }

    /** The request path as the problem's {@code instance}; paths with characters a URI forbids are quoted. */
    public static URI instance(String requestPath) {
        try {
            return URI.create(requestPath);
        } catch (IllegalArgumentException notAUri) {
            try {
                return new URI(null, null, requestPath, null);
            } catch (URISyntaxException stillNotAUri) {
                return null;
            }
        }
    }

    /**
     * The guide's 500: the details go to the log, once, under the request's id ({@link RequestId}), which is the
     * error id; the client gets a generic detail and that id, nothing else (no class name, SQL or stack frame).
     */
    public static ProblemDetail unexpected(Throwable cause, String where, String errorId) {
        log.error("Unexpected error {} on {}", errorId, where, cause);
        return serverError(errorId);
    }

    /** The body of every 500: nothing but the error id that the log entry carries too. */
    public static ProblemDetail serverError(String errorId) {
        ProblemDetail problem = of(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Report error id " + errorId + " if it persists.");
        problem.setType(ProblemType.SERVER_ERROR.uri());
        problem.setProperty("errorId", errorId);
        return problem;
    }
}
