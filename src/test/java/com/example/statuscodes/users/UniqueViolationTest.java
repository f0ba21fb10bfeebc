package com.example.statuscodes.users;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The duplicate-e-mail 409 comes from the database's own signal (SQLState 23505 and the constraint's name), on
 * H2 here; {@code scale.PostgresScaleIT} proves the same on PostgreSQL. The schema is Flyway's migration, checked
 * by Hibernate ({@code ddl-auto=validate}): this test also fails when the migration and the entity drift apart.
 */
@DataJpaTest
class UniqueViolationTest {

    @Autowired
    UserRepository repository;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_duplicate_email_is_the_email_constraint() {
        repository.saveAndFlush(user("twice@example.com", "First"));

        DataIntegrityViolationException ex = catchThrowableOfType(DataIntegrityViolationException.class,
                () -> repository.saveAndFlush(user("TWICE@example.com", "Second")));

        assertThat(UniqueViolation.of(ex, User.EMAIL_CONSTRAINT)).isTrue();
    }

    @Test
    void a_not_null_violation_is_not_the_email_constraint() {
        DataIntegrityViolationException ex = catchThrowableOfType(DataIntegrityViolationException.class,
                () -> repository.saveAndFlush(new User("no-date@example.com", "No date", 30, Role.USER, null)));

        assertThat(UniqueViolation.of(ex, User.EMAIL_CONSTRAINT)).isFalse();
    }

    @Test
    void another_unique_constraint_is_not_the_email_constraint() {
        jdbc.execute("alter table users add constraint uk_users_name_for_test unique (name)");
        repository.saveAndFlush(user("one@example.com", "Same name"));

        DataIntegrityViolationException ex = catchThrowableOfType(DataIntegrityViolationException.class,
                () -> repository.saveAndFlush(user("two@example.com", "Same name")));

        assertThat(UniqueViolation.of(ex, User.EMAIL_CONSTRAINT)).isFalse();
        assertThat(UniqueViolation.of(ex, "uk_users_name_for_test")).isTrue();
    }

    private static User user(String email, String name) {
        return new User(email, name, 30, Role.USER, Instant.now());
    }
}
