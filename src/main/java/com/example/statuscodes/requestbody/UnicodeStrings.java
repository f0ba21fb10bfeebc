package com.example.statuscodes.requestbody;

import com.example.statuscodes.errors.UnreadableValue;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every string of a body is Unicode text: one with an unpaired UTF-16 surrogate ({@code "\ud800"}, a low half before a
 * high one) is a 400 naming the field. JSON allows the escape, but RFC 8259 §8.2 calls such a string unpredictable and
 * I-JSON (RFC 7493 §2.1) forbids it: every encoder downstream reads it its own way. {@code getBytes(UTF_8)} made it
 * {@code ?}, so {@code "\ud800"}, {@code "?"} and {@code "\udfff"} were one password to bcrypt and one request to the
 * idempotency fingerprint. Jackson's parser already refuses one in a member name, not in a value.
 */
final class UnicodeStrings extends StringDeserializer {

    static final String REQUIREMENT = "Must be Unicode text: an unpaired surrogate such as \\ud800 is no character";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = super.deserialize(parser, context);
        if (value != null && hasUnpairedSurrogate(value)) {
            throw new UnpairedSurrogateException(parser);
        }
        return value;
    }

    static boolean hasUnpairedSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one character
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A mismatch, so that Jackson adds the field's path as it does for a value of the wrong type. */
    static final class UnpairedSurrogateException extends MismatchedInputException implements UnreadableValue {

        UnpairedSurrogateException(JsonParser parser) {
            super(parser, "String holds an unpaired surrogate", String.class);
        }

        @Override
        public String requirement() {
            return REQUIREMENT;
        }
    }
}
