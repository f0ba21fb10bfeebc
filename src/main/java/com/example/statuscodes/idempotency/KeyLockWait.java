package com.example.statuscodes.idempotency;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Bounds how long an insert waits for another transaction holding the same key. PostgreSQL waits forever by
 * default; {@code lock_timeout} is set for the current transaction only ({@code SET LOCAL}). H2's {@code LOCK_TIMEOUT}
 * is per session, and the pool hands the session on to whatever runs next, so it is put back once the claim is done.
 * Another database keeps its own default.
 */
@Component
class KeyLockWait {

    /** Undoes {@link #limitTo}; runs in the same transaction. */
    interface Restore extends AutoCloseable {
        @Override
        void close();
    }

    private final JdbcTemplate jdbc;
    private volatile String product;

    KeyLockWait(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Must run inside the transaction that claims the key: it uses that transaction's connection. */
    Restore limitTo(Duration wait) {
        long millis = Math.max(1, wait.toMillis());
        switch (product()) {
            case "PostgreSQL" -> jdbc.execute("set local lock_timeout = '" + millis + "ms'");
            case "H2" -> {
                Integer before = jdbc.queryForObject("call lock_timeout()", Integer.class);
                jdbc.execute("set lock_timeout " + millis);
                return () -> jdbc.execute("set lock_timeout " + before);
            }
            default -> {
            }
        }
        return () -> {
        };
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
