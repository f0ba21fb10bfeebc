package com.example.statuscodes.users;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The guide's 409: the request is fine, but it conflicts with the current state (the address is taken). */
public class DuplicateEmailException extends ErrorResponseException {

    public static final String DETAIL = "A user with this email already exists";

    public DuplicateEmailException(Throwable cause) {
        super(HttpStatus.CONFLICT, cause);
        setDetail(DETAIL);
    }
}
