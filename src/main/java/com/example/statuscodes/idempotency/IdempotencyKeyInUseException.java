package com.example.statuscodes.idempotency;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 409: the first request with this key is still being processed. Its outcome is not known yet, so neither a replay
 * nor a second run is right; retrying in a moment will replay it.
 */
public class IdempotencyKeyInUseException extends ErrorResponseException {

    public static final String DETAIL = "A request with this Idempotency-Key is still being processed; retry in a moment";

    IdempotencyKeyInUseException() {
        super(HttpStatus.CONFLICT);
        setDetail(DETAIL);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }
}
