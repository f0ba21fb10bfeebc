package com.example.statuscodes.auth;

import com.example.statuscodes.errors.DependencyFailures;
import com.example.statuscodes.users.Role;
import com.example.statuscodes.users.UserChangedEvent;
import com.example.statuscodes.users.UserRepository;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The account behind a token, as the database says now: its role and when it was created. Cached briefly,
 * so a request costs no extra query, and forgotten as soon as the user changes (after the commit).
 * <p>
 * Several instances: the change is forgotten at once only by the instance that made it; every other instance
 * keeps its copy for at most {@link #STALENESS} (10 s). So a demoted admin loses admin rights everywhere within
 * 10 s (docs/scale-out.md; proven by .ci/scale-check). No cross-instance invalidation is attempted: a missed
 * message would make the bound unbounded, while expiry is a bound nothing can break.
 * <p>
 * This runs in the security filter chain, outside Spring MVC: a database that cannot be reached becomes an
 * {@link AuthenticationServiceException} whose cause is the data-access failure. Spring Security re-throws it
 * (it is not the client's fault, so no 401), and {@code web.FilterChainFailures} answers it with the advice's
 * 503.
 */
@Component
public class Accounts {

    /** What authentication needs to know about an account. */
    public record Account(Role role, Instant createdAt) {
    }

    /** How long another instance may still use the role an account had before a change. */
    public static final Duration STALENESS = Duration.ofSeconds(10);

    private final UserRepository users;
    private final Cache<Long, Optional<Account>> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(STALENESS) // bounds staleness when several instances share a database
            .build();

    public Accounts(UserRepository users) {
        this.users = users;
    }

    public Optional<Account> find(long userId) {
        try {
            return cache.get(userId,
                    id -> users.findById(id).map(user -> new Account(user.getRole(), user.getCreatedAt())));
        } catch (DataAccessException | TransactionException failure) {
            if (DependencyFailures.unreachable(failure)) {
                throw new AuthenticationServiceException("The account store is unreachable", failure);
            }
            throw failure;
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void forget(UserChangedEvent event) {
        cache.invalidate(event.userId());
    }
}
