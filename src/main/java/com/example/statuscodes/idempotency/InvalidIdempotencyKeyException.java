package com.example.statuscodes.idempotency;

import com.example.statuscodes.errors.ValidationErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 400: the header is there but is no key: empty, too long, or with characters a key may not have. */
class InvalidIdempotencyKeyException extends ErrorResponseException {

    static final String MESSAGE = "Must be 1 to 128 visible ASCII characters, optionally in double quotes";

    InvalidIdempotencyKeyException() {
        super(HttpStatus.BAD_REQUEST,
                new ValidationErrors().badParameter(Idempotency.HEADER, MESSAGE).toProblem(), null);
    }
}
