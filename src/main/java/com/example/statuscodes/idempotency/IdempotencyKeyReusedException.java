package com.example.statuscodes.idempotency;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 422, the draft's choice: the key is known, but was used for a different request. Replaying the stored answer
 * would answer a request that was never made; processing this one would break the promise of the key.
 */
public class IdempotencyKeyReusedException extends ErrorResponseException {

    public static final String DETAIL = "This Idempotency-Key was used for a different request; use a new key";

    IdempotencyKeyReusedException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT);
        setDetail(DETAIL);
    }
}
