package com.example.statuscodes.users;

import org.hibernate.exception.ConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Recognises a unique-constraint violation by the database's own signal, not by its message text: the SQLState
 * {@value #UNIQUE_VIOLATION} (SQL standard; PostgreSQL and H2 both use it) on the driver's {@link SQLException},
 * and the constraint's name as Hibernate reports it ({@link ConstraintViolationException#getConstraintName()},
 * which PostgreSQL's driver supplies as a field of the error and H2's dialect reads from its error). A different
 * integrity violation (a NOT NULL or CHECK constraint, another unique key) is not this one.
 */
final class UniqueViolation {

    static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    static boolean of(DataIntegrityViolationException ex, String constraint) {
        boolean unique = false;
        String name = null;
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && name == null) {
                name = violation.getConstraintName();
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                unique = true;
            }
        }
        return unique && name != null && constraint.equals(normalise(name));
    }

    /** {@code uk_users_email} (PostgreSQL) and {@code PUBLIC.UK_USERS_EMAIL_INDEX_4} (H2) name the same constraint. */
    static String normalise(String name) {
        String plain = name.toLowerCase(Locale.ROOT);
        plain = plain.substring(plain.lastIndexOf('.') + 1);
        return plain.replaceFirst("_index_\\d+$", "");
    }
}
