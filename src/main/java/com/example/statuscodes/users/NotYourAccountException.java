package com.example.statuscodes.users;

import org.springframework.security.access.AccessDeniedException;

/**
 * 403: a change to someone else's account by a caller who is not an admin. The security chain refuses it first,
 * from the path, before the body is read ({@code auth.AccessRules}); {@link UserService} checks again before it
 * writes, so that a route the rules do not cover (a new mapping, a changed pattern) cannot become a write. Like
 * {@link OnlyAdminsSetRolesException}, the advice answers 401 instead when there is no caller at all.
 */
public class NotYourAccountException extends AccessDeniedException {

    public static final String DETAIL = "You can only change your own account";

    NotYourAccountException() {
        super(DETAIL);
    }

    /** Fails closed: no caller, or a caller who neither owns the account nor is an admin, is refused. */
    static void check(Caller caller, long accountId) {
        if (caller == null || !caller.mayChange(accountId)) {
            throw new NotYourAccountException();
        }
    }
}
