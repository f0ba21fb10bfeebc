package com.example.statuscodes.users;

import com.example.statuscodes.errors.EntityTags;
import com.example.statuscodes.errors.InvalidEntityTagsException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;

/**
 * The conditional headers of a request ({@code If-Match}, {@code If-None-Match}), checked against the user as it is
 * now, in RFC 9110 §13.2.2's order: a header that cannot be read is a 400, then If-Match, then If-None-Match. They are
 * judged only once the request would otherwise succeed (§13.2.1), so a 403 or a 404 comes first.
 */
record Preconditions(String ifMatch, String ifNoneMatch) {

    static final Preconditions NONE = new Preconditions(null, null);

    /** A write: a false condition is a 412, and the write is not made. */
    void check(User user) {
        InvalidEntityTagsException.check(ifMatch, ifNoneMatch);
        UserVersion.requireMatch(ifMatch, user.getVersion());
        UserVersion.requireNoneMatch(ifNoneMatch, user.getVersion());
    }

    /**
     * A GET (and so a HEAD): a false If-Match is a 412 here too (§13.1.1 asks for it whatever the method), and comes
     * before If-None-Match; true means the client's copy is current (304).
     */
    boolean notModified(long version) {
        InvalidEntityTagsException.check(ifMatch, ifNoneMatch);
        UserVersion.requireMatch(ifMatch, version);
        return !UserVersion.noneMatch(ifNoneMatch, version);
    }

    /**
     * A write that passed {@link #check} and then lost the optimistic lock: another write committed in between, so the
     * version it read is gone. If it named that version in If-Match, the tag no longer matches: the same 412 as had it
     * come a moment later. {@code *} or no If-Match named none, and a lock not granted says nothing of the version:
     * an edit conflict (409).
     */
    RuntimeException lostRace(ConcurrencyFailureException ex) {
        if (ex instanceof OptimisticLockingFailureException && ifMatch != null
                && !EntityTags.parse(HttpHeaders.IF_MATCH, ifMatch).isAny()) {
            return new PreconditionFailedException(PreconditionFailedException.DETAIL);
        }
        return new ConcurrentUpdateException(ex);
    }
}
