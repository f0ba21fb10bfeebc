package com.example.statuscodes.errors;

import org.springframework.security.authorization.AuthorizationResult;

/**
 * An access rule's "no", with the reason the client will read as the 403's {@code detail}. Spring Security
 * wraps it in the {@code AuthorizationDeniedException} it throws, and {@link ApiExceptionHandler} reads it
 * back, so each rule owns its text and the advice stays the one place that writes a 403.
 */
public record Refusal(String reason) implements AuthorizationResult {

    @Override
    public boolean isGranted() {
        return false;
    }
}
