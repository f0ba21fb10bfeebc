package com.example.statuscodes.users;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 412: the client made its change conditional ({@code If-Match: "<etag>"}) and the condition is false,
 * because the user changed since the client read it. This is the lost-update guard: without it the second
 * writer would silently overwrite the first.
 */
public class PreconditionFailedException extends ErrorResponseException {

    public static final String DETAIL = "The user has changed since you fetched it (If-Match does not match the current ETag)";

    public PreconditionFailedException() {
        super(HttpStatus.PRECONDITION_FAILED);
        setDetail(DETAIL);
    }
}
