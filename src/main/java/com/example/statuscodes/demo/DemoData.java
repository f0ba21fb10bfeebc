package com.example.statuscodes.demo;

import com.example.statuscodes.users.Role;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Demo accounts, created at start-up when missing (so a restart against a file database does not fail).
 * The passwords are for local demos only; they are in the README on purpose.
 * <p>
 * Created while the context refreshes, once every singleton exists and before the web server starts (Boot starts
 * it after this callback), so that the very first request the server answers can log in as a demo user. An
 * {@code ApplicationRunner} would run only after Tomcat already serves.
 */
@Component
public class DemoData implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoUser(String email, String name, Integer age, Role role, String password) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("alice@example.com", "Alice", 31, Role.USER, "alice-password"),
            new DemoUser("admin@example.com", "Admin", null, Role.ADMIN, "admin-password"),
            new DemoUser("bob@example.com", "Bob", 45, Role.USER, null),
            new DemoUser("carol@example.com", "Carol", 27, Role.USER, null),
            new DemoUser("dave@example.com", "Dave", 38, Role.USER, null));

    private final UserRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    public DemoData(UserRepository repository, PasswordEncoder passwordEncoder, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int created = 0;
        for (DemoUser demo : USERS) {
            if (!repository.existsByEmail(demo.email())) {
                User user = new User(demo.email(), demo.name(), demo.age(), demo.role(), Instant.now(clock));
                if (demo.password() != null) {
                    user.setPasswordHash(passwordEncoder.encode(demo.password()));
                }
                repository.save(user);
                created++;
            }
        }
        log.info("Demo data: {} users created, {} already present", created, USERS.size() - created);
    }
}
