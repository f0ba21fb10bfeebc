package com.example.statuscodes.idempotency;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Bounds how long an insert waits for another transaction holding the same key. PostgreSQL waits forever by
 * default; {@code lock_timeout} is set for the current transaction only ({@code SET LOCAL}). H2's {@code LOCK_TIMEOUT}
 * is per session, so it is set on every claim (always the same value). Another database keeps its own default.
 */
@Component
class KeyLockWait {

    private final JdbcTemplate jdbc;
    private volatile String product;

    KeyLockWait(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Must run inside the transaction that claims the key: it uses that transaction's connection. */
    void limitTo(Duration wait) {
        long millis = Math.max(1, wait.toMillis());
        switch (product()) {
            case "PostgreSQL" -> jdbc.execute("set local lock_timeout = '" + millis + "ms'");
            case "H2" -> jdbc.execute("set lock_timeout " + millis);
            default -> {
            }
        }
    }

    private String product() {
        String known = product;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
            product = known;
        }
        return known;
    }
}
