package com.example.statuscodes.users;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * What the API shows of a user: never the password hash. The lock version is not in the body either;
 * it travels as the {@code ETag} header (see {@link #etag()}). {@code name} and {@code age} are optional and
 * sent as {@code null} when unset, which the OpenAPI description says (a validating proxy checks it).
 */
public record UserResponse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long id,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String email,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {"string", "null"}) String name,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {"integer", "null"}, format = "int32") Integer age,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Role role,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                           @JsonIgnore long version) {

    static UserResponse of(User user) {
        return new UserResponse(user.getId(), user.getEmail(), user.getName(), user.getAge(), user.getRole(),
                user.getCreatedAt(), user.getVersion());
    }

    public String etag() {
        return UserVersion.etag(version);
    }
}
