package com.example.statuscodes.users;

import com.example.statuscodes.admin.AdminSettingsStore;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * An optimistic-lock conflict (another request committed between our read and our write), reported by the repository
 * exactly as Spring Data JPA does, so that each answer is certain: HTTP cannot pick which race a request loses (the
 * spec's concurrent writes only show that every loser with If-Match gets a 412), nor a lock that is not granted.
 */
class UserServiceConflictTest {

    private final UserRepository repository = mock(UserRepository.class);
    private final UserService service = new UserService(repository,
            PasswordEncoderFactories.createDelegatingPasswordEncoder(), mock(AdminSettingsStore.class),
            Validation.buildDefaultValidatorFactory().getValidator(), Clock.systemUTC());

    @Test
    void concurrent_update_returns_409_with_its_own_message() {
        User user = new User("racer@example.com", "Racer", 30, Role.USER, Instant.now());
        when(repository.findById(7L)).thenReturn(Optional.of(user));
        when(repository.saveAndFlush(any())).thenThrow(new ObjectOptimisticLockingFailureException(User.class, 7L));

        assertThatThrownBy(() -> service.replace(new Caller(7L, Role.USER), 7L,
                new UserRequest("racer@example.com", "Racer 2", 31, null, null), Preconditions.NONE))
                .isInstanceOfSatisfying(ConcurrentUpdateException.class, ex -> {
                    assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(ex.getBody().getDetail())
                            .isEqualTo("The user was changed by another request; fetch it again and retry");
                });
    }

    @Test
    void delete_that_loses_a_race_returns_409() {
        User user = new User("racer@example.com", "Racer", 30, Role.USER, Instant.now());
        when(repository.findById(8L)).thenReturn(Optional.of(user));
        org.mockito.Mockito.doThrow(new ObjectOptimisticLockingFailureException(User.class, 8L)).when(repository).flush();

        assertThatThrownBy(() -> service.delete(new Caller(8L, Role.USER), 8L, Preconditions.NONE))
                .isInstanceOfSatisfying(ConcurrentUpdateException.class,
                        ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void a_write_whose_if_match_named_the_version_that_lost_the_race_returns_412() {
        User user = new User("racer@example.com", "Racer", 30, Role.USER, Instant.now());
        when(repository.findById(9L)).thenReturn(Optional.of(user));
        when(repository.saveAndFlush(any())).thenThrow(new ObjectOptimisticLockingFailureException(User.class, 9L));

        assertThatThrownBy(() -> service.replace(new Caller(9L, Role.USER), 9L,
                new UserRequest("racer@example.com", "Racer 2", 31, null, null), new Preconditions("\"0\"", null)))
                .isInstanceOfSatisfying(PreconditionFailedException.class, ex -> {
                    assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
                    assertThat(ex.getBody().getDetail())
                            .isEqualTo("The user has changed since you fetched it (If-Match does not match the current ETag)");
                });
    }

    @Test
    void a_write_with_if_match_star_that_loses_a_race_returns_409() {
        // "*" names no version: the user still exists after another write, so the condition is not what failed.
        User user = new User("racer@example.com", "Racer", 30, Role.USER, Instant.now());
        when(repository.findById(10L)).thenReturn(Optional.of(user));
        when(repository.saveAndFlush(any())).thenThrow(new ObjectOptimisticLockingFailureException(User.class, 10L));

        assertThatThrownBy(() -> service.replace(new Caller(10L, Role.USER), 10L,
                new UserRequest("racer@example.com", "Racer 2", 31, null, null), new Preconditions("*", null)))
                .isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void a_lock_not_granted_is_409_even_with_if_match() {
        // Not the optimistic lock: nothing says the version moved on.
        User user = new User("racer@example.com", "Racer", 30, Role.USER, Instant.now());
        when(repository.findById(11L)).thenReturn(Optional.of(user));
        when(repository.saveAndFlush(any())).thenThrow(new CannotAcquireLockException("lock timeout"));

        assertThatThrownBy(() -> service.replace(new Caller(11L, Role.USER), 11L,
                new UserRequest("racer@example.com", "Racer 2", 31, null, null), new Preconditions("\"0\"", null)))
                .isInstanceOf(ConcurrentUpdateException.class);
    }
}
