package com.example.statuscodes.auth;

import org.springframework.security.access.AccessDeniedException;

/**
 * A 403 with a reason the client should read. It is an {@link AccessDeniedException}, so wherever it is
 * thrown Spring Security's access-denied handler answers it ({@link ProblemAccessDeniedHandler} uses this
 * message as the detail). Being authenticated is assumed: for an anonymous caller Security answers 401.
 */
public class ForbiddenException extends AccessDeniedException {

    public ForbiddenException(String reason) {
        super(reason);
    }
}
