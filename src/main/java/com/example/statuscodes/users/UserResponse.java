package com.example.statuscodes.users;

import java.time.Instant;

/** What the API shows of a user: never the password hash, never the lock version (that travels as the ETag). */
public record UserResponse(Long id, String email, String name, Integer age, Role role, Instant createdAt) {

    static UserResponse of(User user) {
        return new UserResponse(user.getId(), user.getEmail(), user.getName(), user.getAge(), user.getRole(),
                user.getCreatedAt());
    }
}
