package com.example.statuscodes.support;

import com.example.statuscodes.users.Role;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** The demo accounts, plus fresh throw-away users so that tests which change or delete data stay independent. */
@TestComponent
public class TestUsers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserRepository repository;
    private final Tokens tokens;

    public TestUsers(UserRepository repository, Tokens tokens) {
        this.repository = repository;
        this.tokens = tokens;
    }

    public long aliceId() {
        return repository.findByEmail("alice@example.com").orElseThrow().getId();
    }

    public long adminId() {
        return repository.findByEmail("admin@example.com").orElseThrow().getId();
    }

    public String alice() {
        return tokens.bearer(aliceId());
    }

    public String admin() {
        return tokens.bearer(adminId());
    }

    /**
     * The {@code Authorization} header of a caller named in a spec table: "alice", "admin", or "anonymous" (null, no
     * header).
     */
    public String authorization(String caller) {
        return switch (caller) {
            case "alice" -> alice();
            case "admin" -> admin();
            case "anonymous" -> null;
            default -> throw new IllegalArgumentException("No such caller in the spec tables: " + caller);
        };
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
    }

    /** A new USER with a unique e-mail; returns it, with {@link #tokenFor} for its bearer header. */
    public User create(String prefix) {
        return repository.save(new User(uniqueEmail(prefix), "Test " + prefix, 30, Role.USER, Instant.now()));
    }

    public String tokenFor(User user) {
        return tokens.bearer(user.getId());
    }

    /** Runs a direct call (not an HTTP request) as an admin, e.g. to set up or reset the admin settings. */
    public static void asAdmin(Runnable action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext admin = SecurityContextHolder.createEmptyContext();
        admin.setAuthentication(new TestingAuthenticationToken("test-admin", null, "ROLE_ADMIN"));
        SecurityContextHolder.setContext(admin);
        try {
            action.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
