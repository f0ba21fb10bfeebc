package com.example.statuscodes.users;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

import java.util.List;
import java.util.Optional;

public interface UserRepository extends JpaRepository<User, Long> {

    /** Expects an already normalised (lower-case) address; see {@link User#normaliseEmail}. */
    Optional<User> findByEmail(String email);

    boolean existsByEmail(String email);

    /**
     * Every user with this role, each row locked until the transaction ends ({@code SELECT ... FOR UPDATE}): two
     * admins demoting each other at once are serialised, so they cannot both succeed and leave no admin.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<User> findAllByRole(Role role);
}
