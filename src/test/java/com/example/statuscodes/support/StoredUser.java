package com.example.statuscodes.support;

import com.example.statuscodes.users.Role;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;

import java.time.Instant;

/**
 * Everything the database holds for one user, read afresh: "a refused request changes nothing" is
 * {@code assertThat(StoredUser.read(repository, id)).isEqualTo(before)}, the lock version included.
 */
public record StoredUser(String email, String name, Integer age, Role role, Instant createdAt, String passwordHash,
                         int credentialsVersion, long version) {

    public static StoredUser read(UserRepository repository, long id) {
        User user = repository.findById(id).orElseThrow();
        return new StoredUser(user.getEmail(), user.getName(), user.getAge(), user.getRole(), user.getCreatedAt(),
                user.getPasswordHash(), user.getCredentialsVersion(), user.getVersion());
    }
}
