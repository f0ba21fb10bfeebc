package com.example.statuscodes.users;

import org.springframework.http.ETag;

import java.util.List;

/**
 * A user's entity tag: the optimistic-lock version, as a strong ETag ({@code "3"}). It changes on every
 * successful write, so it is a reliable validator for {@code If-None-Match} (304) and {@code If-Match} (412).
 */
final class UserVersion {

    private UserVersion() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** RFC 9110 13.1.1: no If-Match passes; {@code *} matches any existing user; otherwise a strong comparison. */
    static void requireMatch(String ifMatch, User user) {
        if (ifMatch == null) {
            return;
        }
        ETag current = ETag.create(etag(user.getVersion()));
        boolean matches = ETag.parse(ifMatch).stream()
                .anyMatch(candidate -> candidate.isWildcard() || candidate.compare(current, true));
        if (!matches) {
            throw new PreconditionFailedException();
        }
    }
}
