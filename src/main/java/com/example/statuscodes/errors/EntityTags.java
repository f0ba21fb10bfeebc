package com.example.statuscodes.errors;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of {@code If-Match} or {@code If-None-Match}, read by RFC 9110's grammar and nothing looser:
 * <pre>
 *   If-Match / If-None-Match = "*" / #entity-tag             (§13.1.1, §13.1.2)
 *   entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE                (§8.8.3; "W/" is case-sensitive)
 *   etagc      = %x21 / %x23-7E / obs-text                    (no space, no DQUOTE; a comma is allowed)
 *   #element   = elements separated by commas and optional whitespace; empty elements ignored (§5.6.1)
 * </pre>
 * Spring's {@code ETag.parse} is lenient: it reads {@code "3"junk} as {@code "3"} and skips what it cannot read, so
 * a malformed condition would be evaluated as another one. Here a value outside the grammar is not read at all, and
 * the caller refuses the request ({@link InvalidEntityTagsException}).
 * <p>
 * Here in {@code errors}, the base every feature may use, because more than one resource reads these headers (the
 * users, the admin settings): one grammar, one parse per value, one 400.
 */
public final class EntityTags {

    /**
     * The same grammar as a regular expression, for the OpenAPI document (Java and ECMA-262 read it alike); a test
     * holds it to {@link #valid} for every value the firewall lets through. The parser below stays: it also says which
     * tags a valid value lists.
     */
    public static final String PATTERN = "^[ \\t]*(?:\\*[ \\t]*|(?:" + Tag.REGEX + "[ \\t]*)?(?:,[ \\t]*(?:" + Tag.REGEX + "[ \\t]*)?)*)$";

    private static final EntityTags ANY = new EntityTags(true, List.of());

    private record Tag(String opaque, boolean weak) {
        /** An entity-tag, as {@link #isEtagc} reads its characters. */
        static final String REGEX = "(?:W/)?\"[\\x21\\x23-\\x7E\\xA0-\\xFF]*\"";
    }

    private final boolean any;
    private final List<Tag> tags;

    private EntityTags(boolean any, List<Tag> tags) {
        this.any = any;
        this.tags = tags;
    }

    /** The header's tags; a 400 naming the header when its value is not the grammar above. */
    public static EntityTags parse(String header, String value) {
        EntityTags parsed = read(value);
        if (parsed == null) {
            throw new InvalidEntityTagsException(List.of(header));
        }
        return parsed;
    }

    public static boolean valid(String value) {
        return read(value) != null;
    }

    /**
     * Strong comparison (§8.8.3.2), for {@code If-Match}: the same opaque tag and neither one weak. {@code current}
     * is a strong tag of an existing representation, so {@code *} matches it; null for one that has no tag, which
     * only {@code *} matches.
     */
    public boolean matchesStrongly(String current) {
        return any || tags.stream().anyMatch(tag -> !tag.weak() && tag.opaque().equals(current));
    }

    /** {@code *}: any current representation, whatever its tag; not a list of tags naming some. */
    public boolean isAny() {
        return any;
    }

    /** Weak comparison, for {@code If-None-Match}: the same opaque tag, weak or not; null as for {@link #matchesStrongly}. */
    public boolean matchesWeakly(String current) {
        return any || tags.stream().anyMatch(tag -> tag.opaque().equals(current));
    }

    /** Null when the value is outside the grammar. An empty list (the value {@code ""} or {@code ","}) is valid. */
    private static EntityTags read(String value) {
        int end = value.length();
        int first = skipWhitespace(value, 0);
        if (first < end && value.charAt(first) == '*') { // "*" stands alone, never in a list
            return skipWhitespace(value, first + 1) == end ? ANY : null;
        }
        List<Tag> tags = new ArrayList<>();
        int at = first;
        while (true) {
            at = skipWhitespace(value, at);
            if (at == end) {
                return new EntityTags(false, List.copyOf(tags));
            }
            if (value.charAt(at) == ',') { // an empty element
                at++;
                continue;
            }
            boolean weak = value.startsWith("W/", at);
            int open = weak ? at + 2 : at;
            if (open == end || value.charAt(open) != '"') {
                return null;
            }
            int close = open + 1;
            while (close < end && isEtagc(value.charAt(close))) {
                close++;
            }
            if (close == end || value.charAt(close) != '"') {
                return null;
            }
            tags.add(new Tag(value.substring(open, close + 1), weak));
            at = skipWhitespace(value, close + 1);
            if (at < end && value.charAt(at) != ',') { // after a tag: only the end or the next element
                return null;
            }
        }
    }

    private static int skipWhitespace(String value, int at) {
        while (at < value.length() && (value.charAt(at) == ' ' || value.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    /**
     * Any visible character but the double quote, and obs-text (the bytes 0x80 to 0xFF, as Tomcat decodes them) but
     * the C1 control characters 0x80 to 0x9F, which the firewall refuses in any header anyway: so the parser and
     * {@link #PATTERN} say the same whichever firewall runs in front.
     */
    private static boolean isEtagc(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF);
    }
}
