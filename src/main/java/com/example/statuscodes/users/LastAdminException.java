package com.example.statuscodes.users;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 409: demoting or deleting the only admin conflicts with the state of the system: nobody could manage it
 * afterwards (and an admin's own address would be free for anyone to sign up with). The request itself is fine;
 * once another user is an admin, the same request succeeds.
 */
public class LastAdminException extends ErrorResponseException {

    public static final String DETAIL = "This is the last admin; make another user an admin first";

    LastAdminException() {
        super(HttpStatus.CONFLICT);
        setDetail(DETAIL);
    }
}
