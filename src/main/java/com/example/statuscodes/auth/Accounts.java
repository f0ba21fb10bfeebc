package com.example.statuscodes.auth;

import com.example.statuscodes.users.Role;
import com.example.statuscodes.users.UserChangedEvent;
import com.example.statuscodes.users.UserRepository;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The account behind a token, as the database says now: its role and when it was created. Cached briefly,
 * so a request costs no extra query, and forgotten as soon as the user changes (after the commit).
 */
@Component
public class Accounts {

    /** What authentication needs to know about an account. */
    public record Account(Role role, Instant createdAt) {
    }

    private final UserRepository users;
    private final Cache<Long, Optional<Account>> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(10)) // bounds staleness when several instances share a database
            .build();

    public Accounts(UserRepository users) {
        this.users = users;
    }

    public Optional<Account> find(long userId) {
        return cache.get(userId, id -> users.findById(id).map(user -> new Account(user.getRole(), user.getCreatedAt())));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void forget(UserChangedEvent event) {
        cache.invalidate(event.userId());
    }
}
