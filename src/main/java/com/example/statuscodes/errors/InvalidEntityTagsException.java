package com.example.statuscodes.errors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.ArrayList;
import java.util.List;

/**
 * 400 naming {@code If-Match} or {@code If-None-Match}: the header is there but is not {@code *} or a list of entity
 * tags ({@link EntityTags}). Guessing what it meant could turn the condition on its head; ignoring it would drop a
 * guard the client asked for. RFC 9110 asks a server to ignore only the unreadable dates of the date conditions
 * (§13.1.3, §13.1.4), not these.
 */
public class InvalidEntityTagsException extends ErrorResponseException {

    public static final String MESSAGE = "Must be * or a list of entity tags in double quotes, like \"3\" or \"1\", \"3\"";

    public InvalidEntityTagsException(List<String> headers) {
        super(HttpStatus.BAD_REQUEST, problem(headers), null);
    }

    /** Both conditions of a request, read before either is evaluated, so that one answer names every malformed one. */
    public static void check(String ifMatch, String ifNoneMatch) {
        List<String> malformed = new ArrayList<>();
        if (ifMatch != null && !EntityTags.valid(ifMatch)) {
            malformed.add(HttpHeaders.IF_MATCH);
        }
        if (ifNoneMatch != null && !EntityTags.valid(ifNoneMatch)) {
            malformed.add(HttpHeaders.IF_NONE_MATCH);
        }
        if (!malformed.isEmpty()) {
            throw new InvalidEntityTagsException(malformed);
        }
    }

    private static ProblemDetail problem(List<String> headers) {
        ValidationErrors errors = new ValidationErrors();
        headers.forEach(header -> errors.badParameter(header, MESSAGE));
        return errors.toProblem();
    }
}
