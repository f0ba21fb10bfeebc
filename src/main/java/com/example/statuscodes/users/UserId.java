package com.example.statuscodes.users;

import java.util.regex.Pattern;

/**
 * A user's id as a URL spells it ({@code /api/users/42}): one spelling per id, plain decimal digits with no sign,
 * leading zero, space or base prefix, and one parser, {@link #parse}. The access rule that decides whose account a
 * write touches ({@code auth.AccessRules}) and the controller that makes the write ({@link UserIdConverter}) both
 * read the id through it, so they cannot disagree about which account a path names.
 * <p>
 * Why not Spring's own conversion to {@code long}: it reads {@code 0x2}, {@code #2} and {@code " 2"} as 2. When the
 * rule had a parser of its own, a user changed the admin's password through {@code PATCH /api/users/0x2}. Any
 * other spelling is now a 400 naming {@code id} ({@link InvalidUserIdException}), whoever reads it first.
 */
public record UserId(long value) {

    /** Ids start at 1; 19 digits can still overflow a {@code long}, which {@link #parse} refuses too. */
    private static final Pattern CANONICAL = Pattern.compile("[1-9][0-9]{0,18}");

    public static UserId parse(String text) {
        if (text != null && CANONICAL.matcher(text).matches()) {
            try {
                return new UserId(Long.parseLong(text));
            } catch (NumberFormatException beyondLong) {
                // 9223372036854775808 and above: no such id can exist, and no account may be guessed from it
            }
        }
        throw new InvalidUserIdException();
    }
}
