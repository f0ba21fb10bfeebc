package com.example.statuscodes.users;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 403 when an admin has closed sign-ups. Deliberately not an {@code AccessDeniedException}: Spring Security
 * would answer an anonymous caller's one with 401, but logging in would not help — sign-ups are closed for
 * everybody but admins — and "re-authenticating won't help" is the guide's definition of 403.
 */
public class SignupsClosedException extends ErrorResponseException {

    public static final String DETAIL = "Sign-ups are closed";

    public SignupsClosedException() {
        super(HttpStatus.FORBIDDEN);
        setDetail(DETAIL);
    }

    /** The rule: while sign-ups are closed, only an admin creates accounts ({@code caller} is null when anonymous). */
    static void check(Caller caller, boolean signupsEnabled) {
        if (!signupsEnabled && (caller == null || !caller.admin())) {
            throw new SignupsClosedException();
        }
    }
}
