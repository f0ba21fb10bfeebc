package com.example.statuscodes.errors;

import org.hibernate.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;

/**
 * Tells "a shared store cannot be reached" (answered 503 + Retry-After) from every other data-access failure
 * (a bug: 500). By type where Spring already says so, and otherwise by the driver's own signal, the SQL standard's
 * connection-exception class: SQLState {@code 08xxx} anywhere in the cause chain.
 * <p>
 * A connection lost in the middle of a transaction needs one more rule. The driver reports {@code 08006}, Hikari
 * then retires the connection, and the rollback that follows fails on it; Spring throws that rollback failure and
 * only logs the original ("Application exception overridden by rollback exception"). So a transaction whose JDBC
 * commit or rollback itself failed (Hibernate's {@link TransactionException} caused by an {@link SQLException})
 * counts as a lost connection too: a healthy connection does not refuse to roll back.
 */
public final class DependencyFailures {

    private DependencyFailures() {
    }

    public static boolean unreachable(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause instanceof TransactionException && cause.getCause() instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
