package com.example.statuscodes.users;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 412: the client made its change conditional ({@code If-Match: "<etag>"}) and the condition is false,
 * because the user changed since the client read it. This is the lost-update guard: without it the second
 * writer would silently overwrite the first. {@code If-None-Match} on a write is the opposite guard ("only if it
 * is not this version", or with {@code *} "only if it does not exist") and fails with the same code.
 */
public class PreconditionFailedException extends ErrorResponseException {

    public static final String DETAIL = "The user has changed since you fetched it (If-Match does not match the current ETag)";

    public static final String NONE_MATCH_DETAIL =
            "The user matches If-None-Match (it exists, with that ETag); the change was not made";

    public PreconditionFailedException(String detail) {
        super(HttpStatus.PRECONDITION_FAILED);
        setDetail(detail);
    }
}
