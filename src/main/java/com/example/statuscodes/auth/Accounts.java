package com.example.statuscodes.auth;

import com.example.statuscodes.errors.DependencyFailures;
import com.example.statuscodes.users.Role;
import com.example.statuscodes.users.UserRepository;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import java.time.Instant;
import java.util.Optional;

/**
 * The account behind a token, as the database says now: read on every request that carries a token, with no cache,
 * so that a changed role or password, or a deleted account, counts at the next request on every instance (several
 * instances share the database, and a cache per instance would let each answer from its own stale copy).
 * <p>
 * This runs in the security filter chain, outside Spring MVC: a database that cannot be reached becomes an
 * {@link AuthenticationServiceException} whose cause is the data-access failure. Spring Security re-throws it
 * (it is not the client's fault, so no 401), and {@code errors.FilterExceptionsToAdvice} answers it with the advice's
 * 503.
 */
@Component
public class Accounts {

    /** What authentication needs to know about an account. */
    public record Account(Role role, Instant createdAt, int credentialsVersion) {
    }

    private final UserRepository users;

    public Accounts(UserRepository users) {
        this.users = users;
    }

    public Optional<Account> find(long userId) {
        try {
            return users.findById(userId)
                    .map(user -> new Account(user.getRole(), user.getCreatedAt(), user.getCredentialsVersion()));
        } catch (DataAccessException | TransactionException failure) {
            if (DependencyFailures.unreachable(failure)) {
                throw new AuthenticationServiceException("The account store is unreachable", failure);
            }
            throw failure;
        }
    }
}
