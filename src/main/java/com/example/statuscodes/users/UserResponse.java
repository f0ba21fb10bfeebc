package com.example.statuscodes.users;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * What the API shows of a user: never the password hash. The lock version is not in the body either;
 * it travels as the {@code ETag} header (see {@link #etag()}).
 */
public record UserResponse(Long id, String email, String name, Integer age, Role role, Instant createdAt,
                           @JsonIgnore long version) {

    static UserResponse of(User user) {
        return new UserResponse(user.getId(), user.getEmail(), user.getName(), user.getAge(), user.getRole(),
                user.getCreatedAt(), user.getVersion());
    }

    public String etag() {
        return UserVersion.etag(version);
    }
}
