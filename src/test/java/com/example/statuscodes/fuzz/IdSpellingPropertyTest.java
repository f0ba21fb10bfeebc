package com.example.statuscodes.fuzz;

import com.example.statuscodes.admin.AdminSettings;
import com.example.statuscodes.admin.AdminSettingsStore;
import com.example.statuscodes.support.LogCapture;
import com.example.statuscodes.support.RawHttp;
import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.support.Tokens;
import com.example.statuscodes.users.Role;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * An account takeover ({@code PATCH /api/users/0x2} as alice changed the admin's password) came from two parsers
 * disagreeing about one path segment: the access rule's {@code Long.valueOf} refused {@code 0x2} and let the request
 * through, MVC's conversion read it as 2. So these properties send spellings of another account's id (bases, signs,
 * zeros, padding, Unicode digits, exponents, path parameters, dot segments, overflow; raw and percent-encoded), and
 * of the admin settings path, byte for byte to the real server with a USER's token, and demand for every one: no
 * 2xx, no 5xx, nothing changed. Seeded ({@code -Dfuzz.seed=...}); a failure lists every request that broke the rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:id-spelling;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import({Tokens.class, TestUsers.class})
@DisplayName("Spellings of another account's id or of the admin path: a USER gets no 2xx, no 5xx, and changes nothing")
class IdSpellingPropertyTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261205L);
    private static final int GENERATED_ID_SPELLINGS = 400;
    private static final int GENERATED_ADMIN_PATHS = 250;
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    /** The admin settings before every request: not the defaults, so that a DELETE (reset) would show too. */
    private static final AdminSettings BASELINE = new AdminSettings(true, 13, false);
    private static final String ADMIN_SETTINGS_BODY = "{\"signupsEnabled\": false, \"defaultPageSize\": 7}";

    /**
     * The refusals provoked on purpose, kept off the console: an access line per request, Tomcat's stack trace for
     * the first malformed request line, Hibernate's warning before a 409. Per test, and put back afterwards.
     */
    @RegisterExtension
    final LogCapture provokedRefusals = LogCapture.of("access", "org.apache.coyote.http11",
            "org.hibernate.orm.jdbc.error");

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    AdminSettingsStore settings;
    @Autowired
    TestUsers testUsers;

    enum Write { PUT, PATCH, DELETE }

    enum Target { FRESH_ACCOUNT, DEMO_ADMIN }

    enum AdminMethod { PUT, DELETE, GET, HEAD, POST, PATCH, OPTIONS }

    // ---------------------------------------------------------------------------------------------------------------
    // The properties

    /** Every spelling named in the report of the takeover, with every write method, against both kinds of target. */
    @Test
    void no_known_spelling_of_another_accounts_id_lets_a_user_write_it() {
        Report report = new Report("known spellings");
        for (Spelling spelling : KNOWN_SPELLINGS) {
            for (Write method : Write.values()) {
                for (Target target : Target.values()) {
                    writeAnotherAccount(spelling, method, target, report);
                }
            }
        }
        report.assertNoneBroken();
    }

    /** Generated: every decoration combined with the others, and numbers around and beyond the long range. */
    @Test
    void no_spelling_of_another_accounts_id_lets_a_user_write_it() {
        Random random = new Random(SEED);
        Report report = new Report("generated spellings, seed " + SEED);
        for (int i = 0; i < GENERATED_ID_SPELLINGS; i++) {
            writeAnotherAccount(SPELLINGS.next(random), pick(random, Write.values()), pick(random, Target.values()), report);
        }
        report.assertNoneBroken();
    }

    @Test
    void no_spelling_of_the_admin_settings_path_lets_a_user_read_or_change_them() {
        Random random = new Random(SEED);
        Report report = new Report("admin paths, seed " + SEED);
        for (int i = 0; i < GENERATED_ADMIN_PATHS; i++) {
            String path = ADMIN_PATHS.next(random);
            AdminMethod method = pick(random, AdminMethod.values());
            TestUsers.asAdmin(() -> {
                if (!settings.current().equals(BASELINE)) {
                    settings.replace(BASELINE);
                }
            });
            User attacker = testUsers.create("attacker");
            boolean withBody = method == AdminMethod.PUT || method == AdminMethod.POST || method == AdminMethod.PATCH;
            byte[] request = request(method.name(), path, testUsers.tokenFor(attacker), withBody ? "application/json" : null,
                    withBody ? ADMIN_SETTINGS_BODY : null);
            AdminSettings before = settings.current();
            Outcome outcome = send(request, method == AdminMethod.HEAD);
            AdminSettings after = settings.current();
            report.judge(method.name(), path, "", outcome, before.equals(after) ? null : "settings changed to " + after,
                    path.equals("/api/admin/settings"));
        }
        report.assertNoneBroken();
    }

    private void writeAnotherAccount(Spelling spelling, Write method, Target target, Report report) {
        User attacker = testUsers.create("attacker");
        User victim = target == Target.DEMO_ADMIN ? users.findByEmail("admin@example.com").orElseThrow()
                : testUsers.create("target");
        long id = victim.getId();
        String path = "/api/users/" + spelling.render(id);
        String body = switch (method) {
            case PUT -> "{\"email\": \"" + victim.getEmail() + "\", \"password\": \"owned-by-attacker-123\"}";
            case PATCH -> "{\"password\": \"owned-by-attacker-123\"}";
            case DELETE -> null;
        };
        String contentType = switch (method) {
            case PUT -> "application/json";
            case PATCH -> "application/merge-patch+json";
            case DELETE -> null;
        };
        byte[] request = request(method.name(), path, testUsers.tokenFor(attacker), contentType, body);

        Optional<Row> before = row(id);
        Outcome outcome = send(request, false);
        Optional<Row> after = row(id);
        String change = after.isEmpty() ? "row deleted" : !after.equals(before) ? "row changed" : null;
        String whose = (target == Target.DEMO_ADMIN ? "(demo admin, id " : "(fresh account, id ") + id + ")";
        report.judge(method.name(), path, whose, outcome, change, spelling.canonical());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Sending and judging

    /** The status, or why there was none. */
    record Outcome(int status, String noAnswer) {
    }

    /** Everything a write could change in the account's row. */
    record Row(String email, String name, Integer age, Role role, String passwordHash, long version) {
    }

    private Optional<Row> row(long id) {
        return users.findById(id).map(u -> new Row(u.getEmail(), u.getName(), u.getAge(), u.getRole(), u.getPasswordHash(),
                u.getVersion()));
    }

    private Outcome send(byte[] request, boolean head) {
        try {
            return new Outcome(RawHttp.exchange(port, request, TIMEOUT_MILLIS, head, false).status(), null);
        } catch (IOException noAnswer) {
            return new Outcome(0, noAnswer.getMessage());
        }
    }

    /** The requests of one property: how they were answered, and those that broke the rule. */
    private static final class Report {

        private final String name;
        private final Map<String, Integer> statuses = new TreeMap<>();
        private final List<String> broken = new ArrayList<>();
        private int requests;
        private final long started = System.nanoTime();

        Report(String name) {
            this.name = name;
        }

        /**
         * Records a broken rule: a 2xx, a 5xx, a change, no HTTP answer, or, for a spelling that is the canonical
         * target itself, anything but 403 (else a token that stopped working would make every other answer vacuous).
         */
        void judge(String method, String path, String whose, Outcome outcome, String change, boolean canonical) {
            requests++;
            int status = outcome.status();
            // A raw space, tab, CR or LF ends the request target there, and what follows is no HTTP version: Tomcat
            // refuses it the HTTP/0.9 way, a 400 problem body with no status line. The row is still compared.
            boolean lineBroken = status == 0 && path.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\n');
            statuses.merge(status != 0 ? Integer.toString(status) : lineBroken ? "no status line" : "no answer", 1,
                    Integer::sum);
            List<String> rules = new ArrayList<>();
            if (status == 0 && !lineBroken) {
                rules.add("no HTTP answer: " + outcome.noAnswer());
            }
            if (status >= 200 && status <= 299) {
                rules.add("2xx");
            }
            if (status >= 500) {
                rules.add("5xx");
            }
            if (change != null) {
                rules.add(change);
            }
            if (canonical && status != 403) {
                rules.add("the canonical target must be 403");
            }
            if (!rules.isEmpty()) {
                String decoded = printable(percentDecoded(path));
                broken.add("%-6s %-36s → %s  %s %s%s".formatted(method, printable(path), status == 0 ? "---" : status,
                        String.join(", ", rules), whose, decoded.equals(printable(path)) ? "" : "  decoded: " + decoded)
                        .stripTrailing());
            }
        }

        void assertNoneBroken() {
            System.out.printf("Id spellings (%s): %d raw requests in %d ms, answers %s, %d broke the rule%n", name, requests,
                    (System.nanoTime() - started) / 1_000_000, statuses, broken.size());
            if (!broken.isEmpty()) {
                throw new AssertionError("%d of %d requests (%s) broke \"no 2xx, no 5xx, nothing changed\":%n  %s".formatted(
                        broken.size(), requests, name, String.join("\n  ", broken)));
            }
        }
    }

    private static byte[] request(String method, String path, String bearer, String contentType, String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(path.getBytes(StandardCharsets.UTF_8)); // raw: whatever the spelling holds goes out as UTF-8
        StringBuilder head = new StringBuilder(" HTTP/1.1\r\nHost: localhost\r\nAuthorization: ").append(bearer).append("\r\n");
        byte[] bodyBytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(bodyBytes.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bodyBytes);
        return out.toByteArray();
    }

    /**
     * The target readable on one line: control, space and non-ASCII characters escaped ({@code \s}, {@code \u00A0}),
     * a run of eight or more of the same character or %XX as one with a count ({@code 0{×40}}).
     */
    private static String printable(String path) {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < path.length(); ) {
            int c = path.codePointAt(i);
            int width = c == '%' && i + 3 <= path.length() ? 3 : Character.charCount(c);
            units.add(width == 3 ? path.substring(i, i + 3) : c == ' ' ? "\\s" : c > 0x20 && c < 0x7F ? Character.toString(c)
                    : c <= 0xFFFF ? "\\u%04X".formatted(c) : "\\U%X".formatted(c));
            i += width;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < units.size(); ) {
            int run = 1;
            while (i + run < units.size() && units.get(i + run).equals(units.get(i))) {
                run++;
            }
            text.append(run >= 8 ? units.get(i) + "{×" + run + "}" : units.get(i).repeat(run));
            i += run;
        }
        return text.length() <= 90 ? text.toString() : text.substring(0, 90) + "…(" + text.length() + " chars)";
    }

    /** What the server decodes the target to: %XX sequences as UTF-8 bytes. */
    private static String percentDecoded(String path) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            int hi = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int lo = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
            if (raw[i] == '%' && hi >= 0 && lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Generators: a value from a seeded Random, combined by weight

    @FunctionalInterface
    interface Gen<T> {

        T next(Random random);

        default <R> Gen<R> map(Function<? super T, ? extends R> function) {
            return random -> function.apply(next(random));
        }
    }

    /** One alternative of {@link #weighted}: chosen with probability weight / sum of weights. */
    record Choice<T>(int weight, Gen<? extends T> gen) {
    }

    private static <T> Choice<T> w(int weight, T value) {
        return new Choice<>(weight, random -> value);
    }

    private static <T> Choice<T> wGen(int weight, Gen<? extends T> gen) {
        return new Choice<>(weight, gen);
    }

    @SafeVarargs
    private static <T> Gen<T> weighted(Choice<T>... choices) {
        int total = 0;
        for (Choice<T> choice : choices) {
            total += choice.weight();
        }
        int sum = total;
        return random -> {
            int ticket = random.nextInt(sum);
            for (Choice<T> choice : choices) {
                ticket -= choice.weight();
                if (ticket < 0) {
                    return choice.gen().next(random);
                }
            }
            throw new IllegalStateException("unreachable");
        };
    }

    @SafeVarargs
    private static <T> Gen<T> oneOf(T... values) {
        return random -> pick(random, values);
    }

    private static Gen<Integer> between(int min, int max) {
        return random -> min + random.nextInt(max - min + 1);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Spellings of an id

    /** A way to write a given account's id in a path segment. */
    sealed interface Spelling {

        String render(long id);

        /** A legal equivalent of the canonical URI (RFC 3986 normalisation only): the answer must be 403. */
        default boolean canonical() {
            return false;
        }
    }

    /**
     * A fixed form with placeholders: {@code {id}}, {@code {hex}}, {@code {HEX}}, {@code {bin}}, {@code {oct}},
     * {@code {%id}} (every digit percent-encoded), Unicode digits raw ({@code {arabic}}, {@code {fullwidth}},
     * {@code {devanagari}}, ...) or percent-encoded (the same with {@code %}), {@code {sci}} (0.2e1 for 2) and
     * {@code {+k*2^64}} (the id plus k times 2^64, in decimal).
     */
    record Template(String form, boolean canonical) implements Spelling {

        Template(String form) {
            this(form, false);
        }

        @Override
        public String render(long id) {
            String decimal = Long.toString(id);
            String text = form.replace("{id}", decimal)
                    .replace("{hex}", Long.toHexString(id))
                    .replace("{HEX}", Long.toHexString(id).toUpperCase(Locale.ROOT))
                    .replace("{bin}", Long.toBinaryString(id))
                    .replace("{oct}", Long.toOctalString(id))
                    .replace("{%id}", Encoding.PERCENT_ALL.apply(decimal))
                    .replace("{sci}", "0." + decimal + "e" + decimal.length());
            for (Script script : Script.values()) {
                String name = script.name().toLowerCase(Locale.ROOT);
                text = text.replace("{" + name + "}", script.apply(decimal))
                        .replace("{" + name + "%}", Encoding.PERCENT.apply(script.apply(decimal)));
            }
            for (int k = 1; k <= 3; k++) {
                text = text.replace("{+" + k + "*2^64}",
                        TWO_TO_64.multiply(BigInteger.valueOf(k)).add(BigInteger.valueOf(id)).toString());
            }
            return text;
        }
    }

    /**
     * A generated form: {@code pathPrefix + encode(pad(sign + radix prefix + zeros + digits in a script)) + suffix}.
     * The path prefix and the suffix are path syntax and go out as they are; the number part is raw UTF-8 or
     * percent-encoded.
     */
    record Composed(String pathPrefix, String sign, Radix radix, int zeros, Script script, Pad pad, Encoding encoding,
                    String suffix) implements Spelling {

        @Override
        public String render(long id) {
            String number = sign + radix.prefix + "0".repeat(zeros) + script.apply(radix.digits(id));
            return pathPrefix + encoding.apply(pad.apply(number)) + suffix;
        }

        @Override
        public boolean canonical() {
            return pathPrefix.isEmpty() && sign.isEmpty() && radix == Radix.DECIMAL && zeros == 0 && script == Script.ASCII
                    && pad.chars().isEmpty() && (suffix.isEmpty() || suffix.equals("?x=1"));
        }
    }

    /** A string of digits that names no particular account: often 19 or 20 of them, around the end of the long range. */
    record Digits(String digits) implements Spelling {

        @Override
        public String render(long id) {
            return digits;
        }
    }

    enum Radix {
        DECIMAL("", 10), HEX("0x", 16), HEX_UPPER("0X", 16), HASH("#", 16), BINARY("0b", 2), OCTAL("0o", 8),
        OCTAL_LEADING_ZERO("0", 8), HEX_NO_PREFIX("", 16);

        final String prefix;
        final int radix;

        Radix(String prefix, int radix) {
            this.prefix = prefix;
            this.radix = radix;
        }

        String digits(long id) {
            String digits = Long.toString(id, radix);
            return this == HEX_UPPER ? digits.toUpperCase(Locale.ROOT) : digits;
        }
    }

    /** Decimal digits of other scripts: {@link Character#digit} reads them all as 0-9. */
    enum Script {
        ASCII('0'), ARABIC('\u0660'), PERSIAN('\u06F0'), DEVANAGARI('\u0966'), FULLWIDTH('\uFF10'), MATHEMATICAL_BOLD(0x1D7CE);

        final int zero;

        Script(int zero) {
            this.zero = zero;
        }

        String apply(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(c -> out.appendCodePoint(c >= '0' && c <= '9' ? zero + c - '0' : c));
            return out.toString();
        }
    }

    enum Where { BEFORE, AFTER, AROUND, INSIDE }

    /** Characters around or inside the number. */
    record Pad(String chars, Where where) {

        static final Pad NONE = new Pad("", Where.BEFORE);

        String apply(String number) {
            return switch (where) {
                case BEFORE -> chars + number;
                case AFTER -> number + chars;
                case AROUND -> chars + number + chars;
                case INSIDE -> number.substring(0, number.length() / 2) + chars + number.substring(number.length() / 2);
            };
        }
    }

    enum Encoding {
        /** As it is: control and non-ASCII characters go out as raw bytes. */
        RAW(c -> true),
        /** What a client library sends: everything but RFC 3986's unreserved characters (and +) percent-encoded. */
        PERCENT(c -> c < 0x80 && (Character.isLetterOrDigit(c) || "-._~+".indexOf(c) >= 0)),
        /** Every byte percent-encoded, the digits too ({@code %32} for 2): still the same URI as the plain id. */
        PERCENT_ALL(c -> false);

        private final IntPredicate keptAsItIs;

        Encoding(IntPredicate keptAsItIs) {
            this.keptAsItIs = keptAsItIs;
        }

        String apply(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(c -> {
                if (keptAsItIs.test(c)) {
                    out.appendCodePoint(c);
                } else {
                    for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
                        out.append("%%%02X".formatted(b & 0xFF));
                    }
                }
            });
            return out.toString();
        }
    }

    /** Whitespace to {@link Character#isWhitespace} (what Spring's number parsing trims), and look-alikes that are not. */
    private static final String[] PAD_CHARS = {" ", "\t", "\n", "\r", "\u0000", "\u000B", "\u000C", "\u001C", "\u001F",
            "\u00A0", "\u200B", "\u2002", "\u2009", "\u3000", "\uFEFF", "\u2028", "  \t"};

    private static final List<Spelling> KNOWN_SPELLINGS = List.of(
            new Template("{id}", true), new Template("{%id}", true), new Template("{id}?x=1", true),
            new Template("0x{hex}"), new Template("0X{HEX}"), new Template("0x0{hex}"), new Template("-0x{hex}"),
            new Template("#{hex}"), new Template("%23{hex}"), new Template("0b{bin}"), new Template("0o{oct}"),
            new Template("0{oct}"), new Template("{hex}"),
            new Template("+{id}"), new Template("-{id}"), new Template("+-{id}"), new Template("%2B{id}"),
            new Template("00{id}"), new Template("000{id}"), new Template("0".repeat(3000) + "{id}"),
            new Template(" {id}"), new Template("{id} "), new Template("\t{id}"), new Template("{id}\t"),
            new Template("%20{id}"), new Template("{id}%20"), new Template("%20{id}%20"), new Template("0%20{id}"),
            new Template("%09{id}"), new Template("{id}%09"), new Template("%00{id}"), new Template("{id}%00"),
            new Template("%0A{id}"), new Template("{id}%0A"), new Template("%0D{id}"), new Template("{id}%0D"),
            new Template("%0B{id}"), new Template("%0C{id}"), new Template("%1F{id}"), new Template("{id}%1C"),
            new Template("%C2%A0{id}"), new Template("{id}%C2%A0"), new Template("\u00A0{id}"),
            new Template("%E2%80%8B{id}"), new Template("{id}%E2%80%8B"), new Template("\u200B{id}"),
            new Template("%E2%80%82{id}"), new Template("%E3%80%80{id}"), new Template("{id}%EF%BB%BF"),
            new Template("0x%20{hex}"), new Template("%230{hex}%09"),
            new Template("{arabic}"), new Template("{arabic%}"), new Template("{fullwidth}"), new Template("{fullwidth%}"),
            new Template("{devanagari}"), new Template("{devanagari%}"), new Template("0x{arabic%}"),
            new Template("{id}.0"), new Template("{id}."), new Template("{id}e0"), new Template("{id}E0"),
            new Template("{sci}"), new Template("{id}L"), new Template("{id}d"),
            new Template("{id};x=1"), new Template("{id};"), new Template("{id}%3Bx=1"),
            new Template("{id}/"), new Template("{id}/."), new Template("{id}/.."), new Template("./{id}"),
            new Template("x/../{id}"), new Template("%2E/{id}"), new Template("{id}%2F"),
            new Template("{+1*2^64}"), new Template("{+2*2^64}"), new Template("0x1000000000000000{hex}"),
            new Template("9223372036854775807"), new Template("9223372036854775808"), new Template("-9223372036854775808"),
            new Template("18446744073709551617"), new Template("99999999999999999999"),
            new Template(""), new Template("{id}".repeat(40)), new Template("x".repeat(2000)));

    private static final Gen<Spelling> COMPOSED = random -> new Composed(
            weighted(w(12, ""), w(1, "./"), w(1, "x/../"), w(1, "%2E/")).next(random),
            weighted(w(8, ""), w(1, "+"), w(1, "-"), w(1, "+-"), w(1, "-+")).next(random),
            weighted(w(6, Radix.DECIMAL), w(2, Radix.HEX), w(1, Radix.HEX_UPPER), w(2, Radix.HASH), w(1, Radix.BINARY),
                    w(1, Radix.OCTAL), w(1, Radix.OCTAL_LEADING_ZERO), w(1, Radix.HEX_NO_PREFIX)).next(random),
            weighted(w(6, 0), w(1, 1), w(1, 2), w(1, 3), w(1, 40)).next(random),
            weighted(w(8, Script.ASCII), w(1, Script.ARABIC), w(1, Script.PERSIAN), w(1, Script.DEVANAGARI),
                    w(1, Script.FULLWIDTH), w(1, Script.MATHEMATICAL_BOLD)).next(random),
            weighted(w(1, Pad.NONE), wGen(1, r -> new Pad(pick(r, PAD_CHARS), pick(r, Where.values())))).next(random),
            weighted(w(2, Encoding.RAW), w(4, Encoding.PERCENT), w(1, Encoding.PERCENT_ALL)).next(random),
            weighted(w(14, ""), w(1, ".0"), w(1, "."), w(1, "e0"), w(1, "E0"), w(1, ";x=1"), w(1, ";"), w(1, "/"),
                    w(1, "/."), w(1, "/.."), w(1, "?x=1"), w(1, "%2F"), w(1, "L")).next(random));

    private static final Gen<Spelling> SPELLINGS = weighted(
            wGen(20, COMPOSED),
            wGen(1, between(1, 3).map(k -> new Template("{+" + k + "*2^64}"))),
            wGen(2, random -> {
                StringBuilder digits = new StringBuilder();
                for (int n = weighted(w(1, 0), wGen(2, between(1, 18)), wGen(3, oneOf(19, 20)), w(1, 21)).next(random); n > 0; n--) {
                    digits.append((char) ('0' + random.nextInt(10)));
                }
                return new Digits(digits.toString());
            }),
            wGen(1, between(19, 9000).map(n -> new Template("0".repeat(n) + "{id}"))));

    // ---------------------------------------------------------------------------------------------------------------
    // Spellings of the admin settings path

    private static final Gen<String> SEPARATOR = weighted(w(10, "/"), w(1, "//"), w(1, "/./"), w(1, "/x/../"), w(1, "%2F"),
            w(1, "/%2E/"), w(1, "\\"), w(1, "/;x/"));

    private static final Gen<String> ADMIN_PATHS = weighted(
            wGen(1, oneOf("/api/admin/settings", "/API/admin/settings", "/api/ADMIN/settings", "/api/admin/SETTINGS",
                    "/Api/Admin/Settings", "//api/admin/settings", "/api//admin/settings", "/api/admin//settings",
                    "/api/./admin/settings", "/./api/admin/settings", "/api/x/../admin/settings", "/api/%61dmin/settings",
                    "/api/%61%64%6D%69%6E/%73ettings", "/%61pi/admin/settings", "/api/admin/settings/",
                    "/api/admin/settings/.", "/api/admin/settings/x/..", "/api/admin;x/settings", "/api/admin/settings;x",
                    "/api;/admin/settings", "/api%2Fadmin%2Fsettings", "/api/admin%2fsettings", "/api%2fadmin/settings",
                    "/api/admin%5Csettings", "/api\\admin\\settings", "/api/admin/settings%20", "/api/admin/settings%00",
                    "/api/admin/settings%09", "/api/admin/settings.json", "/api/admin/settings?x=1", "/api/admin/settings#x",
                    "/api/%2E/admin/settings", "/api/%2e%2e/api/admin/settings", "/api/users/../admin/settings",
                    "http://localhost/api/admin/settings", "/api/admin/sett%C4%B1ngs", "/api/adm\u0131n/settings",
                    "/api/admin/setting%73", "/api/admin/settings%2F", "/api/admin/settings/%2E", "/api/admin/%20settings")),
            wGen(2, random -> weighted(w(8, ""), w(1, "http://localhost")).next(random)
                    + SEPARATOR.next(random) + segment("api").next(random)
                    + SEPARATOR.next(random) + segment("admin").next(random)
                    + SEPARATOR.next(random) + segment("settings").next(random)
                    + weighted(w(10, ""), w(1, "/"), w(1, "/."), w(1, "/.."), w(1, ";x"), w(1, "?x=1"), w(1, ".json"),
                            w(1, "%20"), w(1, "%00"), w(1, "%2F"), w(1, "/x/..")).next(random)));

    /** One path segment: as it is, its case changed, a letter or all of them percent-encoded, or with a path parameter. */
    private static Gen<String> segment(String name) {
        Gen<String> recased = between(1, (1 << name.length()) - 1).map(mask -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < name.length(); i++) {
                out.append((mask >> i & 1) == 1 ? Character.toUpperCase(name.charAt(i)) : name.charAt(i));
            }
            return out.toString();
        });
        Gen<String> encodedLetter = random -> {
            int i = random.nextInt(name.length());
            String hex = "%%%02x".formatted((int) name.charAt(i));
            return name.substring(0, i) + (random.nextBoolean() ? hex.toUpperCase(Locale.ROOT) : hex) + name.substring(i + 1);
        };
        return weighted(w(6, name), wGen(1, recased), wGen(2, encodedLetter), w(1, Encoding.PERCENT_ALL.apply(name)),
                wGen(1, oneOf(name + ";x", name + ";", name + "%3Bx", name + "%20", name + "%00")));
    }
}
