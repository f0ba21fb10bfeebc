package com.example.statuscodes.users;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface UserRepository extends JpaRepository<User, Long> {

    /** Expects an already normalised (lower-case) address; see {@link User#normaliseEmail}. */
    Optional<User> findByEmail(String email);

    boolean existsByEmail(String email);
}
