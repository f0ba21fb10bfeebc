package com.example.statuscodes.users;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 428 Precondition Required (RFC 6585): an admin has made conditional writes mandatory ({@code requireIfMatch}),
 * and this write says nothing about the version it changes. Without {@code If-Match}, two clients editing the same
 * user would silently overwrite each other; with it, the second one gets a 412.
 */
public class PreconditionRequiredException extends ErrorResponseException {

    public static final String DETAIL =
            "This API requires If-Match on every change of a user: send the ETag you got when you read it";

    public PreconditionRequiredException() {
        super(HttpStatus.PRECONDITION_REQUIRED);
        setDetail(DETAIL);
    }
}
