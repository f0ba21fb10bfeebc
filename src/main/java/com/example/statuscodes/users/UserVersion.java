package com.example.statuscodes.users;

import org.springframework.http.ETag;

/**
 * A user's entity tag: the optimistic-lock version, as a strong ETag ({@code "3"}). It changes on every
 * successful write, so it is a reliable validator for {@code If-None-Match} (304) and {@code If-Match} (412).
 * The comparisons are RFC 9110's (§13.1.1, §13.1.2).
 */
final class UserVersion {

    private UserVersion() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * {@code If-Match}: no header passes; {@code *} matches any existing user; otherwise a strong comparison, so a
     * weak tag ({@code W/"3"}) never matches: a write must be based on exactly the representation it replaces.
     */
    static void requireMatch(String ifMatch, User user) {
        if (ifMatch == null) {
            return;
        }
        ETag current = ETag.create(etag(user.getVersion()));
        boolean matches = ETag.parse(ifMatch).stream()
                .anyMatch(candidate -> candidate.isWildcard() || candidate.compare(current, true));
        if (!matches) {
            throw new PreconditionFailedException(PreconditionFailedException.DETAIL);
        }
    }

    /** A write with {@code If-None-Match}: refused (412) when the condition is false, i.e. the user matches it. */
    static void requireNoneMatch(String ifNoneMatch, User user) {
        if (!noneMatch(ifNoneMatch, user.getVersion())) {
            throw new PreconditionFailedException(PreconditionFailedException.NONE_MATCH_DETAIL);
        }
    }

    /**
     * {@code If-None-Match}: true when no header was sent or no listed tag matches the current one (weak
     * comparison, as §13.1.2 asks); {@code *} matches any existing user. False on a GET means 304 Not Modified.
     */
    static boolean noneMatch(String ifNoneMatch, long version) {
        if (ifNoneMatch == null) {
            return true;
        }
        ETag current = ETag.create(etag(version));
        return ETag.parse(ifNoneMatch).stream()
                .noneMatch(candidate -> candidate.isWildcard() || candidate.compare(current, false));
    }
}
