package com.example.statuscodes.auth;

import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A token's account is looked up on every request; when the database cannot be reached, that is an authentication
 * service failure (answered 503 by the security chain, see {@code scale.OutageScaleIT}), and any other database error
 * stays what it is (a 500).
 */
class AccountsTest {

    private final UserRepository users = mock(UserRepository.class);
    private final Accounts accounts = new Accounts(users);

    @Test
    void an_unreachable_account_store_is_an_authentication_service_failure() {
        CannotCreateTransactionException down = new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("Connection is not available", "08001"));
        when(users.findById(anyLong())).thenThrow(down);

        assertThatThrownBy(() -> accounts.find(7))
                .isInstanceOf(AuthenticationServiceException.class)
                .hasMessage("The account store is unreachable")
                .hasCause(down);
    }

    @Test
    void any_other_database_error_is_not_disguised() {
        InvalidDataAccessResourceUsageException bug = new InvalidDataAccessResourceUsageException("bad SQL");
        when(users.findById(anyLong())).thenThrow(bug);

        assertThatThrownBy(() -> accounts.find(7)).isSameAs(bug);
    }
}
