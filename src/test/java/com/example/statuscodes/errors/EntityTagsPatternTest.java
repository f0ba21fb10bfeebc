package com.example.statuscodes.errors;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The If-Match / If-None-Match pattern the OpenAPI document states ({@link EntityTags#PATTERN}) accepts exactly what
 * the parser accepts of the values that reach it: random values over the grammar's own characters, compared one by
 * one. A C1 control character (U+0080 to U+009F, obs-text as Tomcat decodes it) is refused by both (and by the
 * firewall before them).
 */
class EntityTagsPatternTest {

    private static final long SEED = 20261206L;
    private static final char[] ALPHABET = {' ', '\t', ',', '"', 'W', '/', '*', 'w', '3', 'a', '!', '\\', '\u00e9',
            '\u00ff', '\u0100', '\u007f', '\u0000', '\u0085', '\u00a0'};

    @Test
    void the_documented_pattern_accepts_exactly_what_the_parser_accepts() {
        Pattern pattern = Pattern.compile(EntityTags.PATTERN);
        Random random = new Random(SEED);
        List<String> disagreements = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < 50_000; i++) {
            String value = randomValue(random);
            boolean parsed = EntityTags.valid(value);
            valid += parsed ? 1 : 0;
            if (parsed != pattern.matcher(value).matches()) {
                disagreements.add("[" + value + "] parser: " + parsed);
            }
        }
        assertThat(disagreements).as("seed " + SEED).isEmpty();
        assertThat(valid).as("valid values among them").isGreaterThan(2_000);
    }

    @Test
    void the_documented_pattern_on_the_forms_the_api_shows() {
        Pattern pattern = Pattern.compile(EntityTags.PATTERN);
        for (String value : List.of("\"3\"", "W/\"3\"", "*", " * ", "\"1\", \"3\"", "\"1\",W/\"3\"", "", ",", "\"\"")) {
            assertThat(pattern.matcher(value).matches()).as(value).isTrue();
        }
        for (String value : List.of("3", "\"3\"junk", "w/\"3\"", "*, \"3\"", "\"3", "\"a b\"", "\"3\" \"4\"")) {
            assertThat(pattern.matcher(value).matches()).as(value).isFalse();
        }
    }

    /** Mostly well-formed pieces (tags, commas, spaces, a star) with a random character here and there. */
    private static String randomValue(Random random) {
        StringBuilder value = new StringBuilder();
        int pieces = random.nextInt(5);
        for (int p = 0; p < pieces; p++) {
            switch (random.nextInt(6)) {
                case 0 -> value.append(random.nextBoolean() ? " " : "\t");
                case 1 -> value.append(',');
                case 2 -> value.append('*');
                case 3 -> value.append(ALPHABET[random.nextInt(ALPHABET.length)]);
                default -> {
                    value.append(random.nextInt(3) == 0 ? "W/" : "").append('"');
                    for (int c = random.nextInt(4); c > 0; c--) {
                        value.append(random.nextInt(5) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (char) ('a' + random.nextInt(26)));
                    }
                    value.append('"');
                }
            }
        }
        return value.toString();
    }
}
