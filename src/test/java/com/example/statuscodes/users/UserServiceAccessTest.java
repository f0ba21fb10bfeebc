package com.example.statuscodes.users;

import com.example.statuscodes.admin.AdminSettingsStore;
import jakarta.validation.Validation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Defence in depth: the service that writes a user checks that the caller may write that user, whatever the
 * security chain decided, so a route its rules do not cover cannot become a write. Called directly here, as a
 * routing mistake would call it: nothing is read, nothing is written.
 */
@DisplayName("UserService: only the owner or an admin writes an account")
class UserServiceAccessTest {

    private static final long ALICE = 1L;
    private static final long ADMIN = 2L;

    private final UserRepository repository = mock(UserRepository.class);
    private final UserService service = new UserService(repository,
            PasswordEncoderFactories.createDelegatingPasswordEncoder(), mock(AdminSettingsStore.class),
            Validation.buildDefaultValidatorFactory().getValidator(), Clock.systemUTC());
    private final UserRequest request = new UserRequest("admin@example.com", "Owned", 30, null, "owned-by-alice-123");

    @Test
    void put_on_another_account_by_a_user_is_refused_and_writes_nothing() {
        assertRefusedWithoutWrite(() -> service.replace(new Caller(ALICE, Role.USER), ADMIN, request, Preconditions.NONE));
    }

    @Test
    void patch_on_another_account_by_a_user_is_refused_and_writes_nothing() {
        UserPatch patch = new UserPatch();
        patch.setPassword("owned-by-alice-123");
        assertRefusedWithoutWrite(() -> service.patch(new Caller(ALICE, Role.USER), ADMIN, patch, Preconditions.NONE));
    }

    @Test
    void delete_of_another_account_by_a_user_is_refused_and_writes_nothing() {
        assertRefusedWithoutWrite(() -> service.delete(new Caller(ALICE, Role.USER), ADMIN, Preconditions.NONE));
    }

    @Test
    void a_write_with_no_caller_at_all_is_refused_and_writes_nothing() {
        assertRefusedWithoutWrite(() -> service.replace(null, ADMIN, request, Preconditions.NONE));
        assertRefusedWithoutWrite(() -> service.delete(null, ADMIN, Preconditions.NONE));
    }

    @Test
    void the_owner_and_an_admin_may_write_the_account() {
        User alice = new User("alice@example.com", "Alice", 30, Role.USER, Instant.now());
        when(repository.findById(ALICE)).thenReturn(Optional.of(alice));
        when(repository.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));
        UserRequest rename = new UserRequest("alice@example.com", "Alice 2", 31, null, null);

        assertThat(service.replace(new Caller(ALICE, Role.USER), ALICE, rename, Preconditions.NONE).name()).isEqualTo("Alice 2");
        assertThat(service.replace(new Caller(ADMIN, Role.ADMIN), ALICE, rename, Preconditions.NONE).name()).isEqualTo("Alice 2");
    }

    private void assertRefusedWithoutWrite(Executable write) {
        assertThatThrownBy(write::execute)
                .isInstanceOf(NotYourAccountException.class)
                .hasMessage("You can only change your own account");
        verify(repository, never()).findById(any());
        verify(repository, never()).saveAndFlush(any());
        verify(repository, never()).delete(any());
    }
}
