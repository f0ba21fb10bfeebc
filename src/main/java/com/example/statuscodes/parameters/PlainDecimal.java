package com.example.statuscodes.parameters;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An integer in a query parameter, spelled one way: an optional minus and decimal digits, no leading zero. Spring's
 * own conversion also reads {@code 0x10}, {@code #10}, {@code +1} and {@code " 1"}; a client that sends those means
 * something we cannot know, so it is refused (a type mismatch: 400 naming the parameter).
 */
final class PlainDecimal extends PropertyEditorSupport {

    private static final Pattern DIGITS = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

    private final Function<String, Number> parse;

    PlainDecimal(Function<String, Number> parse) {
        this.parse = parse;
    }

    @Override
    public void setAsText(String text) {
        if (!DIGITS.matcher(text).matches() || text.equals("-0")) {
            throw new IllegalArgumentException("Not a plain decimal integer");
        }
        setValue(parse.apply(text)); // digits beyond the type's range: NumberFormatException, refused alike
    }
}
