package com.example.statuscodes.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 401 for a failed login. The same detail whether the e-mail is unknown or the password wrong, so the
 * answer does not reveal which accounts exist. RFC 9110 requires a {@code WWW-Authenticate} on every 401.
 */
public class InvalidCredentialsException extends ErrorResponseException {

    public static final String DETAIL = "Invalid email or password";

    public InvalidCredentialsException() {
        super(HttpStatus.UNAUTHORIZED);
        setDetail(DETAIL);
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
