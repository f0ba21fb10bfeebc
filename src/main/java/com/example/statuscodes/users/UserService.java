package com.example.statuscodes.users;

import com.example.statuscodes.admin.AdminSettingsStore;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindException;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/** The users resource's rules; each failure is a domain exception that carries its own status. */
@Service
class UserService {

    private final UserRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final AdminSettingsStore settings;
    private final SpringValidatorAdapter validator;
    private final Clock clock;

    UserService(UserRepository repository, PasswordEncoder passwordEncoder, AdminSettingsStore settings,
                       Validator validator, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.settings = settings;
        this.validator = new SpringValidatorAdapter(validator);
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<UserResponse> list(Pageable pageable) {
        return repository.findAll(pageable).map(UserResponse::of);
    }

    @Transactional(readOnly = true)
    public UserResponse get(long id) {
        return UserResponse.of(find(id));
    }

    /** Sign-up (anyone, while sign-ups are open; {@code caller} is null) or account creation by an admin. */
    public UserResponse create(Caller caller, UserRequest request) {
        SignupsClosedException.check(caller, settings.current().signupsEnabled()); // SignupsOpen decided it already
        OnlyAdminsSetRolesException.check(caller, request.role() != null);
        User user = new User(request.email(), request.name(), request.age(),
                request.role() != null ? request.role() : Role.USER, Instant.now(clock));
        if (request.password() != null) {
            user.setPasswordHash(passwordEncoder.encode(request.password()));
        }
        return UserResponse.of(saveAndFlush(user, Preconditions.NONE));
    }

    /**
     * PUT: full replacement of the editable fields; an absent {@code role} or {@code password} is kept.
     * With {@code If-Match}, a stale ETag → 412 before anything is written (and so with a matching {@code If-None-Match}).
     * Whether the caller may write this account was decided before the body was read ({@code auth.AccessRules}); each
     * write checks it again ({@link NotYourAccountException}), so a route those rules miss cannot write.
     */
    @Transactional
    public UserResponse replace(Caller caller, long id, UserRequest request, Preconditions preconditions) {
        NotYourAccountException.check(caller, id);
        OnlyAdminsSetRolesException.check(caller, request.role() != null);
        User user = find(id);
        preconditions.check(user);
        keepAnAdmin(user, request.role() != null ? request.role() : user.getRole());
        apply(request, user);
        return UserResponse.of(saveAndFlush(user, preconditions));
    }

    /** PATCH (RFC 7396): merge onto the current state, then validate the result exactly like a PUT body. */
    @Transactional
    public UserResponse patch(Caller caller, long id, UserPatch patch, Preconditions preconditions) throws BindException {
        NotYourAccountException.check(caller, id);
        OnlyAdminsSetRolesException.check(caller, patch.touchesRole());
        User user = find(id);
        preconditions.check(user);
        UserRequest merged = patch.applyTo(user);
        validate(merged, patch);
        keepAnAdmin(user, merged.role() != null ? merged.role() : user.getRole());
        apply(merged, user);
        return UserResponse.of(saveAndFlush(user, preconditions));
    }

    @Transactional
    public void delete(Caller caller, long id, Preconditions preconditions) {
        NotYourAccountException.check(caller, id);
        User user = find(id);
        preconditions.check(user);
        keepAnAdmin(user, null);
        writeNow(() -> {
            repository.delete(user);
            repository.flush();
            return user;
        }, preconditions);
    }

    private User find(long id) {
        return repository.findById(id).orElseThrow(UserNotFoundException::new);
    }

    /**
     * The last admin may not be demoted or deleted (409). The check locks every admin row, so that it holds when
     * two admins demote each other at the same moment; a lock that cannot be had is an edit conflict (409) too.
     */
    private void keepAnAdmin(User user, Role roleAfter) {
        if (user.getRole() != Role.ADMIN || roleAfter == Role.ADMIN) {
            return;
        }
        boolean anotherAdmin;
        try {
            anotherAdmin = repository.findAllByRole(Role.ADMIN).stream().anyMatch(admin -> !admin.getId().equals(user.getId()));
        } catch (ConcurrencyFailureException lockNotGranted) {
            throw new ConcurrentUpdateException(lockNotGranted);
        }
        if (!anotherAdmin) {
            throw new LastAdminException();
        }
    }

    private void apply(UserRequest request, User user) {
        user.setEmail(request.email());
        user.setName(request.name());
        user.setAge(request.age());
        if (request.role() != null) {
            user.changeRole(request.role());
        }
        if (request.password() != null) {
            user.changePassword(passwordEncoder.encode(request.password()));
        }
    }

    /** One 422 for everything wrong with the merged user, the members the patch may not clear included. */
    private void validate(UserRequest merged, UserPatch patch) throws BindException {
        DirectFieldBindingResult result = new DirectFieldBindingResult(merged, "user");
        validator.validate(merged, result);
        patch.cannotBeCleared().forEach(member -> result.rejectValue(member, "CannotBeCleared", UserPatch.CANNOT_BE_CLEARED));
        if (result.hasErrors()) {
            throw new BindException(result);
        }
    }

    /**
     * Writes now (flush) so that the database's unique constraint, the only race-safe check, answers
     * inside this method: sixteen concurrent sign-ups with one address give one 201 and fifteen 409s. A write that
     * loses the optimistic lock is answered as its preconditions say ({@link Preconditions#lostRace}).
     */
    private User saveAndFlush(User user, Preconditions preconditions) {
        return writeNow(() -> repository.saveAndFlush(user), preconditions);
    }

    private User writeNow(Supplier<User> write, Preconditions preconditions) {
        try {
            return write.get();
        } catch (DataIntegrityViolationException ex) {
            if (violates(ex, User.EMAIL_CONSTRAINT)) {
                throw new DuplicateEmailException(ex);
            }
            throw ex;
        } catch (ConcurrencyFailureException ex) { // an optimistic-lock version that moved on, or a lock not granted
            throw preconditions.lostRace(ex);
        }
    }

    /** The database's own signal (SQLState and constraint name), never its message text: see {@link UniqueViolation}. */
    private static boolean violates(DataIntegrityViolationException ex, String constraint) {
        return UniqueViolation.of(ex, constraint);
    }
}
