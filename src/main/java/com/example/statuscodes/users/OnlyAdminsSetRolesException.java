package com.example.statuscodes.users;

import org.springframework.security.access.AccessDeniedException;

/**
 * A body that sets {@code role}, sent by someone who is not an admin. Unlike the ownership rule (decided from
 * the path before the body is read, in {@code auth.AccessRules}), this rule needs the body, so the service
 * raises it. It is an {@link AccessDeniedException}: the advice answers 403 for a signed-in user, and 401 for
 * an anonymous sign-up, because logging in as an admin would help.
 */
public class OnlyAdminsSetRolesException extends AccessDeniedException {

    public static final String DETAIL = "Only an admin can set a user's role";

    OnlyAdminsSetRolesException() {
        super(DETAIL);
    }

    static void check(Caller caller, boolean roleSent) {
        if (roleSent && (caller == null || !caller.admin())) {
            throw new OnlyAdminsSetRolesException();
        }
    }
}
