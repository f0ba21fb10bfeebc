package com.example.statuscodes.users;

import com.example.statuscodes.errors.EntityTags;
import org.springframework.http.HttpHeaders;

/**
 * A user's entity tag: the optimistic-lock version, as a strong ETag ({@code "3"}). It changes on every
 * successful write, so it is a reliable validator for {@code If-None-Match} (304) and {@code If-Match} (412).
 * The comparisons are RFC 9110's (§13.1.1, §13.1.2); a header outside its grammar is a 400 ({@link EntityTags}).
 */
final class UserVersion {

    private UserVersion() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * {@code If-Match}: no header passes; {@code *} matches any existing user; otherwise a strong comparison against
     * each listed tag, so a weak tag ({@code W/"3"}) never matches: a write must be based on exactly the
     * representation it replaces. An empty list names no version and fails.
     */
    static void requireMatch(String ifMatch, long version) {
        if (ifMatch == null) {
            return;
        }
        if (!EntityTags.parse(HttpHeaders.IF_MATCH, ifMatch).matchesStrongly(etag(version))) {
            throw new PreconditionFailedException(PreconditionFailedException.DETAIL);
        }
    }

    /** A write with {@code If-None-Match}: refused (412) when the condition is false, i.e. the user matches it. */
    static void requireNoneMatch(String ifNoneMatch, long version) {
        if (!noneMatch(ifNoneMatch, version)) {
            throw new PreconditionFailedException(PreconditionFailedException.NONE_MATCH_DETAIL);
        }
    }

    /**
     * {@code If-None-Match}: true when no header was sent or no listed tag matches the current one (weak
     * comparison, as §13.1.2 asks); {@code *} matches any existing user. False on a GET means 304 Not Modified.
     * A malformed value is a 400 on a GET too: nothing in §13.1.2 asks to ignore it (only the date conditions'
     * unreadable dates are ignored), and a client whose cache never revalidates is told why.
     */
    static boolean noneMatch(String ifNoneMatch, long version) {
        if (ifNoneMatch == null) {
            return true;
        }
        return !EntityTags.parse(HttpHeaders.IF_NONE_MATCH, ifNoneMatch).matchesWeakly(etag(version));
    }
}
