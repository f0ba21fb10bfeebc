package com.example.statuscodes.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Strings that a regular expression of the OpenAPI document matches, generated from the expression: literals and
 * escapes ({@code \.}, {@code \x21}, {@code \t}), classes with ranges, {@code .}, groups ({@code (?:…)}, {@code (…)}),
 * alternatives, and the quantifiers {@code ? * + {n} {m,n} {m,}}; anchors are left out and a lookahead is skipped, so
 * the caller checks each string against the whole expression ({@link SchemaValues#allows}). Repetition counts sit at
 * the limits half of the time, where rules break.
 */
final class RegexStrings {

    private interface Node {
        void generate(StringBuilder out, Random random);
    }

    private final String regex;
    private final Random random;
    private int at;

    RegexStrings(String regex, Random random) {
        this.regex = regex;
        this.random = random;
    }

    String generate() {
        at = 0;
        Node node = alternatives();
        if (at != regex.length()) {
            throw new IllegalArgumentException("Unsupported regular expression at " + at + ": " + regex);
        }
        StringBuilder out = new StringBuilder();
        node.generate(out, random);
        return out.toString();
    }

    private Node alternatives() {
        List<Node> options = new ArrayList<>();
        options.add(sequence());
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            options.add(sequence());
        }
        return (out, random) -> options.get(random.nextInt(options.size())).generate(out, random);
    }

    private Node sequence() {
        List<Node> items = new ArrayList<>();
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            Node atom = atom();
            if (atom != null) {
                items.add(quantified(atom));
            }
        }
        return (out, random) -> items.forEach(item -> item.generate(out, random));
    }

    /** Null for what generates nothing: an anchor or a lookahead. */
    private Node atom() {
        char c = regex.charAt(at++);
        switch (c) {
            case '^', '$' -> {
                return null;
            }
            case '(' -> {
                if (regex.startsWith("?=", at) || regex.startsWith("?!", at)) {
                    skipGroup();
                    return null;
                }
                if (regex.startsWith("?:", at)) {
                    at += 2;
                }
                Node inner = alternatives();
                expect(')');
                return inner;
            }
            case '[' -> {
                return characterClass();
            }
            case '.' -> {
                return (out, random) -> out.appendCodePoint(anyButLineBreak(random));
            }
            case '\\' -> {
                int literal = escaped();
                return (out, random) -> out.appendCodePoint(literal);
            }
            default -> {
                return (out, random) -> out.append(c);
            }
        }
    }

    private static int anyButLineBreak(Random random) {
        int c;
        do {
            c = SchemaValues.anyCharacter(random);
        } while (c == '\n' || c == '\r');
        return c;
    }

    private int escaped() {
        char c = regex.charAt(at++);
        return switch (c) {
            case 'x' -> {
                int value = Integer.parseInt(regex.substring(at, at + 2), 16);
                at += 2;
                yield value;
            }
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            default -> {
                if (Character.isLetterOrDigit(c)) {
                    throw new IllegalArgumentException("Unsupported escape \\" + c + " in " + regex);
                }
                yield c;
            }
        };
    }

    private Node characterClass() {
        if (regex.charAt(at) == '^') {
            throw new IllegalArgumentException("A negated class generates nothing here: " + regex);
        }
        List<int[]> ranges = new ArrayList<>();
        while (regex.charAt(at) != ']') {
            int from = classCharacter();
            int to = from;
            if (regex.charAt(at) == '-' && regex.charAt(at + 1) != ']') {
                at++;
                to = classCharacter();
            }
            ranges.add(new int[] {from, to});
        }
        at++;
        return (out, random) -> {
            int[] range = ranges.get(random.nextInt(ranges.size()));
            out.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        };
    }

    private int classCharacter() {
        char c = regex.charAt(at++);
        return c == '\\' ? escaped() : c;
    }

    private Node quantified(Node atom) {
        if (at >= regex.length()) {
            return atom;
        }
        int min;
        int max;
        switch (regex.charAt(at)) {
            case '?' -> { min = 0; max = 1; at++; }
            case '*' -> { min = 0; max = 6; at++; }
            case '+' -> { min = 1; max = 6; at++; }
            case '{' -> {
                int close = regex.indexOf('}', at);
                String[] bounds = regex.substring(at + 1, close).split(",", -1);
                min = Integer.parseInt(bounds[0]);
                max = bounds.length == 1 ? min : bounds[1].isEmpty() ? min + 6 : Integer.parseInt(bounds[1]);
                at = close + 1;
            }
            default -> {
                return atom;
            }
        }
        int low = min;
        int high = max;
        return (out, random) -> {
            int count = switch (random.nextInt(4)) {
                case 0 -> low;
                case 1 -> high;
                default -> low + random.nextInt(high - low + 1);
            };
            for (int i = 0; i < count; i++) {
                atom.generate(out, random);
            }
        };
    }

    private void skipGroup() {
        int depth = 1;
        while (depth > 0) {
            char c = regex.charAt(at++);
            if (c == '\\') {
                at++;
            } else if (c == '[') {
                while (regex.charAt(at) != ']') {
                    at += regex.charAt(at) == '\\' ? 2 : 1;
                }
                at++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
    }

    private void expect(char c) {
        if (at >= regex.length() || regex.charAt(at) != c) {
            throw new IllegalArgumentException("Expected " + c + " at " + at + " in " + regex);
        }
        at++;
    }
}
