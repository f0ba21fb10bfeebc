package com.example.statuscodes.users;

import java.security.Principal;

/**
 * Who is calling: the principal of every request with a valid token, built once per request from the token
 * and the account's current role ({@code auth.AccountJwtAuthenticationConverter}). Controllers take it with
 * {@code @AuthenticationPrincipal}; it is {@code null} there for an anonymous caller (a sign-up).
 */
public record Caller(long id, Role role) implements Principal {

    public boolean admin() {
        return role == Role.ADMIN;
    }

    /** The rule for writing an account: your own, or any if you are an admin. */
    public boolean mayChange(long accountId) {
        return admin() || id == accountId;
    }

    /** The user id, which is also the token's subject; the rate limiter keys a signed-in caller by it. */
    @Override
    public String getName() {
        return Long.toString(id);
    }
}
