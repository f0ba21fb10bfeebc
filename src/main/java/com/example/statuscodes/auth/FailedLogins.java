package com.example.statuscodes.auth;

/**
 * The per-account brake on password guessing, consulted by {@link TokenService}: before the password is checked
 * (a refusal is a 429, so a guess costs no bcrypt and cannot succeed), and after every wrong one. The limiter
 * ({@code ratelimit.AccountLoginLimit}) implements it; {@code auth} only says when it is asked.
 */
public interface FailedLogins {

    /** Throws when this e-mail address has no failed attempts left for now. */
    void requireAttemptsLeft(String normalisedEmail);

    void recordFailure(String normalisedEmail);
}
