package com.example.statuscodes.admin;

import com.example.statuscodes.errors.EntityTags;
import com.example.statuscodes.errors.InvalidEntityTagsException;
import org.springframework.http.HttpHeaders;

/**
 * The conditional headers of a request on the settings, read by the users' grammar ({@link EntityTags}, the same 400)
 * and evaluated in RFC 9110 §13.2.2's order. The settings always exist and carry no entity tag: {@code *} matches
 * them, no listed tag ever does. Ignoring the headers instead would make a change the client asked to be conditional.
 */
record SettingsPreconditions(String ifMatch, String ifNoneMatch) {

    /**
     * A 400 or 412 when a condition is malformed or false; true when a read (GET, HEAD) is answered 304 instead:
     * §13.1.2 makes a false {@code If-None-Match} a 304 on a read and a 412 on a change.
     */
    boolean notModified(boolean read) {
        InvalidEntityTagsException.check(ifMatch, ifNoneMatch);
        if (ifMatch != null && !EntityTags.parse(HttpHeaders.IF_MATCH, ifMatch).matchesStrongly(null)) {
            throw new SettingsPreconditionFailedException(read ? SettingsPreconditionFailedException.READ_DETAIL
                    : SettingsPreconditionFailedException.DETAIL);
        }
        if (ifNoneMatch != null && EntityTags.parse(HttpHeaders.IF_NONE_MATCH, ifNoneMatch).matchesWeakly(null)) {
            if (read) {
                return true;
            }
            throw new SettingsPreconditionFailedException(SettingsPreconditionFailedException.NONE_MATCH_DETAIL);
        }
        return false;
    }
}
