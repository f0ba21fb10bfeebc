package com.example.statuscodes.errors;

import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean "the store cannot be reached" (503) and which are bugs (500). The real outages are in
 * {@code scale.OutageScaleIT}; these are the exceptions those outages produced, built the same way.
 */
class DependencyFailuresTest {

    @Test
    void no_connection_from_the_pool_is_unreachable() {
        assertThat(DependencyFailures.unreachable(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001")))).isTrue();
    }

    @Test
    void a_connection_lost_mid_transaction_is_unreachable_even_when_the_rollback_failure_hides_it() {
        JpaSystemException rollbackFailed = new JpaSystemException(new TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));

        assertThat(DependencyFailures.unreachable(rollbackFailed)).isTrue();
    }

    @Test
    void a_connection_exception_sqlstate_is_unreachable_and_survives_wrapping() {
        DataAccessResourceFailureException failure = new DataAccessResourceFailureException("I/O error",
                new SQLException("An I/O error occurred while sending to the backend", "08006"));

        assertThat(DependencyFailures.unreachable(new AuthenticationServiceException("account store", failure))).isTrue();
    }

    @Test
    void a_transaction_that_cannot_start_is_unreachable_whatever_its_cause() {
        assertThat(DependencyFailures.unreachable(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new IllegalStateException("pool closed")))).isTrue();
    }

    @Test
    void a_fail_closed_rate_limit_store_is_unreachable_by_its_type_alone() {
        // What ratelimit.RateLimiter throws for a fail-closed policy: no SQLState anywhere in the chain.
        assertThat(DependencyFailures.unreachable(new DataAccessResourceFailureException("The rate-limit store is unreachable",
                new IllegalStateException("connection refused")))).isTrue();
    }

    @Test
    void a_connection_exception_sqlstate_under_any_wrapper_is_unreachable() {
        assertThat(DependencyFailures.unreachable(new JpaSystemException(new IllegalStateException("flush failed",
                new SQLException("Connection reset", "08006"))))).isTrue();
    }

    @Test
    void an_sql_error_without_a_sqlstate_is_not_unreachable() {
        assertThat(DependencyFailures.unreachable(new JpaSystemException(new IllegalStateException("flush failed",
                new SQLException("driver bug"))))).isFalse();
    }

    @Test
    void an_integrity_violation_is_not_unreachable() {
        assertThat(DependencyFailures.unreachable(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    }

    @Test
    void a_bug_is_not_unreachable() {
        assertThat(DependencyFailures.unreachable(new IllegalStateException("bug"))).isFalse();
        assertThat(DependencyFailures.unreachable(new JpaSystemException(new RuntimeException("mapping bug")))).isFalse();
    }
}
