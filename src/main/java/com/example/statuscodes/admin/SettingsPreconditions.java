package com.example.statuscodes.admin;

import com.example.statuscodes.errors.EntityTags;
import com.example.statuscodes.errors.InvalidEntityTagsException;
import org.springframework.http.HttpHeaders;

/**
 * The conditional headers of a change of the settings, read by the users' grammar ({@link EntityTags}, the same 400)
 * and evaluated in RFC 9110 §13.2.2's order. The settings always exist and carry no entity tag: {@code *} matches
 * them, no listed tag ever does. Ignoring the headers instead would make a change the client asked to be conditional.
 */
record SettingsPreconditions(String ifMatch, String ifNoneMatch) {

    void check() {
        InvalidEntityTagsException.check(ifMatch, ifNoneMatch);
        if (ifMatch != null && !EntityTags.parse(HttpHeaders.IF_MATCH, ifMatch).matchesStrongly(null)) {
            throw new SettingsPreconditionFailedException(SettingsPreconditionFailedException.DETAIL);
        }
        if (ifNoneMatch != null && EntityTags.parse(HttpHeaders.IF_NONE_MATCH, ifNoneMatch).matchesWeakly(null)) {
            throw new SettingsPreconditionFailedException(SettingsPreconditionFailedException.NONE_MATCH_DETAIL);
        }
    }
}
