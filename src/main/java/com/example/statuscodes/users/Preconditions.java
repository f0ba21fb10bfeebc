package com.example.statuscodes.users;

/**
 * The conditional headers of a write ({@code If-Match}, {@code If-None-Match}), checked against the user as it is
 * now, before anything is changed: a header that cannot be read is a 400, a false condition a 412, and either way
 * the write is not made. They are judged only once the write would otherwise succeed (RFC 9110 §13.2.1), so a 403 or
 * a 404 comes first.
 */
record Preconditions(String ifMatch, String ifNoneMatch) {

    static final Preconditions NONE = new Preconditions(null, null);

    void check(User user) {
        InvalidEntityTagsException.check(ifMatch, ifNoneMatch);
        UserVersion.requireMatch(ifMatch, user);
        UserVersion.requireNoneMatch(ifNoneMatch, user);
    }
}
