package com.example.statuscodes.users;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 409 for an edit conflict: another request changed the user between our read and our write
 * (the optimistic lock's version moved on). Retrying on fresh data will work, so it is not a 4xx of the
 * client's making in the 400/422 sense, and not a 500 either.
 */
public class ConcurrentUpdateException extends ErrorResponseException {

    public static final String DETAIL = "The user was changed by another request; fetch it again and retry";

    public ConcurrentUpdateException(Throwable cause) {
        super(HttpStatus.CONFLICT, cause);
        setDetail(DETAIL);
    }
}
