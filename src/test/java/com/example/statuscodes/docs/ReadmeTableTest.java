package com.example.statuscodes.docs;

import com.example.statuscodes.admin.AdminSettings;
import com.example.statuscodes.admin.AdminSettingsStore;
import com.example.statuscodes.auth.FailedLogins;
import com.example.statuscodes.errors.Problems;
import com.example.statuscodes.ratelimit.RateLimitExceededException;
import com.example.statuscodes.support.LogCapture;
import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * README.md's code table, run as a reader runs it: the setup logins, then every command of every row in the table's
 * order, against a real server with the defaults of {@code ./mvnw spring-boot:run} (rate limits on, demo data), each
 * curl command line parsed and sent as curl sends it, so no curl needs to be installed. Each row's Response column is
 * its promise about the row's one {@code curl -i} answer; the format is the sentence above the table, read here by
 * {@link Promise}. A row whose answer changes fails; so does a row this test cannot read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // No "test" profile: the README is about a real run, limits on. Only what no answer depends on is set:
        "spring.datasource.url=jdbc:h2:mem:readme-table;DB_CLOSE_DELAY=-1", // its own demo data, untouched by others
        "app.jwt.secret=readme-table-secret-at-least-32-bytes", // unset: the same answers, plus a start-up warning
        // The reader's server listens on 8080 and names it in every 401; this one listens elsewhere but says the same.
        "app.public-base-url=http://localhost:8080"})
@DirtiesContext // its server, database and buckets are of no use to any other class
@DisplayName("README.md: every command of the code table gets the answer its row promises")
class ReadmeTableTest {

    static final Path README = Path.of("README.md");
    /** curl 7.88 (Debian 12) asks before it sends a body over 1 MiB. */
    private static final int EXPECT_CONTINUE_THRESHOLD = 1024 * 1024;
    private static final int TIMEOUT_MILLIS = 10_000;

    /** The 500 row's stack trace, logged as production logs it, kept off the build's console. */
    @RegisterExtension
    final LogCapture demo500 = LogCapture.of(Problems.class);

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    AdminSettingsStore settings;
    @Autowired
    FailedLogins failedLogins;

    /** Shell variables set by the README's setup ({@code TOKEN}, {@code ADMIN}) and files its commands write. */
    private final Map<String, String> variables = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();

    @TestFactory
    Stream<DynamicTest> the_readme_top_to_bottom() throws IOException {
        String readme = Files.readString(README);
        List<String> setup = setupCommands(readme);
        List<Row> rows = codeTable(readme);
        assertThat(setup).as("setup commands (VAR=$(curl ... | sed ...)) in README.md").isNotEmpty();
        assertThat(rows).as("rows of README.md's code table").hasSizeGreaterThan(15);
        long usersBefore = users.count();
        return Stream.of(
                setup.stream().map(line -> DynamicTest.dynamicTest("setup: " + line.substring(0, line.indexOf('=')),
                        () -> runSetup(line))),
                rows.stream().map(row -> DynamicTest.dynamicTest(row.code() + " " + row.commands().get(row.commands().size() - 1),
                        () -> runRow(row))),
                // What the README promises after the table, so that http-examples/ (which log in as both) still pass.
                Stream.of(DynamicTest.dynamicTest("the table leaves the demo data as it found it, no account locked out",
                        () -> assertSoftly(after -> {
                            after.assertThat(settings.current()).as("admin settings").isEqualTo(AdminSettings.DEFAULTS);
                            after.assertThat(users.count()).as("users").isEqualTo(usersBefore);
                            after.assertThat(users.findByEmail("alice@example.com").orElseThrow().getVersion())
                                    .as("alice's version").isZero();
                            for (String email : List.of("alice@example.com", "admin@example.com")) {
                                after.assertThat(lockedOut(email)).as("%s locked out by wrong passwords", email).isFalse();
                            }
                        })))).flatMap(s -> s);
    }

    private boolean lockedOut(String email) {
        try {
            failedLogins.requireAttemptsLeft(email);
            return false;
        } catch (RateLimitExceededException noAttemptsLeft) {
            return true;
        }
    }

    // ---------------------------------------------------------------------------------------------- the README

    record Row(String code, List<String> commands, List<String> promises) {
    }

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    /** The lines {@code NAME=$(...)} of the fenced bash block that sets them, continuation lines joined. */
    static List<String> setupCommands(String readme) {
        Matcher block = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (block.find()) {
            if (block.group(1).contains("=$(curl")) {
                return Arrays.stream(block.group(1).replace("\\\n", " ").split("\n"))
                        .map(String::strip).filter(line -> !line.isEmpty()).toList();
            }
        }
        return List.of();
    }

    /** The table whose header starts {@code | Code | Request | Response |}: one Row per line after the separator. */
    static List<Row> codeTable(String readme) {
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : readme.split("\n")) {
            if (line.startsWith("| Code | Request | Response |")) {
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                break;
            } else if (inTable && !line.startsWith("|---")) {
                List<String> cells = cells(line);
                rows.add(new Row(cells.get(0).strip(), codeSpans(cells.get(1)), codeSpans(cells.get(2))));
            }
        }
        return rows;
    }

    /** Cells split on unescaped pipes; {@code \|} is a pipe inside a cell, as on GitHub. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }

    private static List<String> codeSpans(String cell) {
        List<String> spans = new ArrayList<>();
        Matcher span = CODE_SPAN.matcher(cell);
        while (span.find()) {
            spans.add(span.group(1));
        }
        return spans;
    }

    // ---------------------------------------------------------------------------------------------- running it

    private static final Pattern ASSIGNMENT = Pattern.compile("(\\w+)=\\$\\((.*)\\)");
    private static final Pattern LOOP = Pattern.compile("for \\w+ in \\$\\(seq (\\d+)\\); do (.*); done");
    private static final Pattern ZEROS = Pattern.compile("head -c (\\d+) /dev/zero > (\\S+)");
    /** {@code printf 'Name: %0Nd' 0 > file}: a header line whose value is N zeros (for curl's {@code -H @file}). */
    private static final Pattern PADDED_HEADER = Pattern.compile("printf '([A-Za-z-]+): %0(\\d+)d' 0 > (\\S+)");

    /** {@code NAME=$(curl ... | sed 's/RE/REPLACEMENT/')}: the curl's answer, through the sed substitution. */
    private void runSetup(String line) throws IOException {
        Matcher assignment = ASSIGNMENT.matcher(line);
        assertThat(assignment.matches()).as("a setup line this test can run: %s", line).isTrue();
        List<List<String>> pipeline = Shell.pipeline(assignment.group(2), variables);
        assertThat(pipeline).as("curl | sed in %s", line).hasSize(2);
        Curl curl = Curl.parse(pipeline.get(0), files);
        Answer answer = exchange(curl);
        assertThat(answer.status()).as("setup %s: %s", line, answer).isEqualTo(200);
        String value = Sed.apply(pipeline.get(1), answer.bodyText());
        assertThat(value).as("the value of %s", assignment.group(1)).doesNotContain("{", "\"");
        variables.put(assignment.group(1), value);
    }

    private void runRow(Row row) throws IOException {
        Answer shown = null;
        for (String command : row.commands()) {
            Matcher loop = LOOP.matcher(command);
            Matcher zeros = ZEROS.matcher(command);
            Matcher padded = PADDED_HEADER.matcher(command);
            if (loop.matches()) {
                // What the loop's answers are does not matter (it spends a budget); the row's curl -i shows the effect.
                Curl curl = Curl.parse(Shell.words(loop.group(2), variables), files);
                assertThat(curl.include()).as("a curl -i inside a loop: %s", command).isFalse();
                for (int i = Integer.parseInt(loop.group(1)); i > 0; i--) {
                    exchange(curl);
                }
            } else if (zeros.matches()) {
                files.put(zeros.group(2), new byte[Integer.parseInt(zeros.group(1))]);
            } else if (padded.matches()) {
                files.put(padded.group(3), (padded.group(1) + ": " + "0".repeat(Integer.parseInt(padded.group(2))))
                        .getBytes(StandardCharsets.ISO_8859_1));
            } else {
                Curl curl = Curl.parse(Shell.words(command, variables), files);
                Answer answer = exchange(curl);
                if (curl.include()) {
                    assertThat(shown).as("row %s has more than one curl -i", row.code()).isNull();
                    shown = answer;
                } else {
                    // A command that prints nothing prepares or tidies up: the reader would not see it fail.
                    assertThat(answer.status()).as("row %s, %s: %s", row.code(), command, answer).isBetween(200, 299);
                }
            }
        }
        assertThat(shown).as("row %s: one command with curl -i, whose answer the Response column describes", row.code())
                .isNotNull();
        Promise.check(row, shown);
    }

    // ---------------------------------------------------------------------------------------------- the promises

    /**
     * The Response column, one code span each: {@code HTTP/1.1 428} the status lines in order (interim ones
     * included, as {@code curl -i} prints them); {@code Name: value} a header ({@code …} at the end: the value
     * starts so); a span that starts with
     * {@code "} a piece of the body, verbatim ({@code …"} at its end: the rest left out). Anything else fails.
     */
    static final class Promise {

        private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3})");
        private static final Pattern HEADER = Pattern.compile("([A-Za-z][A-Za-z0-9-]*): (.*)");

        static void check(Row row, Answer answer) {
            List<String> statusLines = new ArrayList<>();
            for (String promise : row.promises()) {
                Matcher status = STATUS.matcher(promise);
                Matcher header = HEADER.matcher(promise);
                if (status.matches()) {
                    statusLines.add(promise);
                } else if (header.matches()) {
                    checkHeader(row, answer, header.group(1), header.group(2));
                } else if (promise.startsWith("\"")) {
                    String piece = promise.endsWith("…\"") ? promise.substring(0, promise.length() - 2) : promise;
                    assertThat(answer.bodyText()).as("row %s: the body of %s", row.code(), answer).contains(piece);
                } else {
                    fail("row %s: the Response column holds `%s`, which is no status line, header or body piece", row.code(), promise);
                }
            }
            assertThat(statusLines).as("row %s: status lines of %s", row.code(), answer).isEqualTo(answer.statusLines());
            assertThat(answer.statusLines().get(answer.statusLines().size() - 1))
                    .as("row %s: its code column", row.code()).isEqualTo("HTTP/1.1 " + row.code());
        }

        private static void checkHeader(Row row, Answer answer, String name, String promised) {
            List<String> values = answer.headers().getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
            assertThat(values).as("row %s: header %s of %s", row.code(), name, answer).hasSize(1);
            String value = values.get(0);
            if (promised.endsWith("…")) {
                assertThat(value).as("row %s: header %s", row.code(), name).startsWith(promised.substring(0, promised.length() - 1));
            } else {
                assertThat(value).as("row %s: header %s", row.code(), name).isEqualTo(promised);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- shell and curl

    /** Enough of a POSIX shell for the README: words, quotes, $VAR and pipes. */
    static final class Shell {

        static List<String> words(String command, Map<String, String> variables) {
            List<List<String>> pipeline = pipeline(command, variables);
            assertThat(pipeline).as("a single command: %s", command).hasSize(1);
            return pipeline.get(0);
        }

        static List<List<String>> pipeline(String command, Map<String, String> variables) {
            List<List<String>> stages = new ArrayList<>();
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            for (int i = 0; i < command.length(); i++) {
                char c = command.charAt(i);
                if (c == ' ') {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                    continue;
                }
                if (c == '|') {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                    stages.add(words);
                    words = new ArrayList<>();
                    continue;
                }
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '\'') {
                    int end = command.indexOf('\'', i + 1);
                    assertThat(end).as("closing ' in %s", command).isPositive();
                    word.append(command, i + 1, end);
                    i = end;
                } else if (c == '"') {
                    int end = command.indexOf('"', i + 1);
                    assertThat(end).as("closing \" in %s", command).isPositive();
                    String quoted = command.substring(i + 1, end);
                    assertThat(quoted).as("escapes inside \"...\" in %s", command).doesNotContain("\\", "`");
                    word.append(expand(quoted, variables, command));
                    i = end;
                } else if (c == '$' || c == '\\' || c == '>' || c == ';' || c == '&' || c == '`' || c == '*') {
                    if (c == '$') {
                        Matcher name = Pattern.compile("\\$(\\w+)").matcher(command).region(i, command.length());
                        assertThat(name.lookingAt()).as("$NAME in %s", command).isTrue();
                        word.append(expand(name.group(), variables, command));
                        i = name.end() - 1;
                    } else {
                        fail("%s in %s: more shell than this test runs", c, command);
                    }
                } else {
                    word.append(c);
                }
            }
            if (word != null) {
                words.add(word.toString());
            }
            stages.add(words);
            return stages;
        }

        private static String expand(String text, Map<String, String> variables, String command) {
            Matcher name = Pattern.compile("\\$(\\w+)").matcher(text);
            StringBuilder expanded = new StringBuilder();
            while (name.find()) {
                String value = variables.get(name.group(1));
                assertThat(value).as("$%s in %s: not set by the README's setup", name.group(1), command).isNotNull();
                name.appendReplacement(expanded, Matcher.quoteReplacement(value));
            }
            return name.appendTail(expanded).toString();
        }
    }

    /** {@code sed 's/RE/REPLACEMENT/'} on one line: a basic regular expression, {@code \(...\)} groups. */
    static final class Sed {

        static String apply(List<String> words, String input) {
            assertThat(words).as("sed with one script").hasSize(2).first().isEqualTo("sed");
            String script = words.get(1);
            String[] parts = script.split("/", -1);
            assertThat(parts).as("s/RE/REPLACEMENT/: %s", script).hasSize(4);
            assertThat(parts[0]).isEqualTo("s");
            assertThat(parts[3]).as("flags of %s", script).isEmpty();
            String regex = parts[1].replace("(", "\u0000").replace(")", "\u0001")
                    .replace("\\\u0000", "(").replace("\\\u0001", ")")
                    .replace("\u0000", "\\(").replace("\u0001", "\\)");
            String replacement = parts[2].replaceAll("\\\\(\\d)", "\\$$1");
            return Arrays.stream(input.split("\n", -1))
                    .map(line -> Pattern.compile(regex).matcher(line).replaceFirst(replacement))
                    .collect(Collectors.joining("\n"));
        }
    }

    /** One curl command line: the options the README uses, and nothing else. */
    record Curl(boolean include, String method, String path, List<String[]> headers, byte[] data, boolean formDefault) {

        static Curl parse(List<String> words, Map<String, byte[]> files) {
            assertThat(words).as("a curl command").isNotEmpty().first().isEqualTo("curl");
            boolean include = false;
            String method = null;
            String url = null;
            List<String[]> headers = new ArrayList<>();
            byte[] data = null;
            boolean binary = false;
            for (int i = 1; i < words.size(); i++) {
                String word = words.get(i);
                switch (word) {
                    case "-i", "--include" -> include = true;
                    case "-s", "--silent" -> { }
                    case "-o", "--output" -> assertThat(words.get(++i)).as("curl -o").isEqualTo("/dev/null");
                    case "-X", "--request" -> method = words.get(++i);
                    case "-H", "--header" -> {
                        String header = words.get(++i);
                        if (header.startsWith("@")) { // curl reads the header lines from a file an earlier command wrote
                            byte[] file = files.get(header.substring(1));
                            assertThat(file).as("%s: written by an earlier command of the row", header).isNotNull();
                            header = new String(file, StandardCharsets.ISO_8859_1).strip();
                        }
                        int colon = header.indexOf(':');
                        headers.add(new String[]{header.substring(0, colon), header.substring(colon + 1).strip()});
                    }
                    case "-d", "--data", "--data-binary" -> {
                        assertThat(data).as("one body per curl").isNull();
                        binary = word.equals("--data-binary");
                        data = body(words.get(++i), binary, files);
                    }
                    default -> {
                        assertThat(word).as("a curl option this test does not know").doesNotStartWith("-");
                        assertThat(url).as("one URL per curl").isNull();
                        url = word;
                    }
                }
            }
            assertThat(url).as("the URL of %s", words).isNotNull().matches("(http://)?localhost:8080/.*");
            String path = url.substring(url.indexOf("localhost:8080") + "localhost:8080".length());
            boolean hasContentType = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("Content-Type"));
            return new Curl(include, method != null ? method : data != null ? "POST" : "GET", path, headers, data,
                    data != null && !hasContentType);
        }

        /** {@code @file} reads a file an earlier command wrote; {@code -d} drops its line breaks, as curl does. */
        private static byte[] body(String argument, boolean binary, Map<String, byte[]> files) {
            if (!argument.startsWith("@")) {
                return argument.getBytes(StandardCharsets.UTF_8);
            }
            byte[] file = files.get(argument.substring(1));
            assertThat(file).as("%s: written by an earlier command of the row", argument).isNotNull();
            return binary ? file : new String(file, StandardCharsets.ISO_8859_1).replaceAll("[\r\n]", "")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    // ---------------------------------------------------------------------------------------------- the wire

    record Answer(List<String> statusLines, int status, Map<String, List<String>> headers, byte[] body) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return statusLines + " " + headers + " " + bodyText();
        }
    }

    /** The request curl would send, over a socket of its own; interim answers (a 100) are kept, as curl -i prints them. */
    private Answer exchange(Curl curl) throws IOException {
        StringBuilder head = new StringBuilder(curl.method() + " " + curl.path() + " HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("User-Agent: curl/7.88.1\r\n");
        if (curl.headers().stream().noneMatch(h -> h[0].equalsIgnoreCase("Accept"))) {
            head.append("Accept: */*\r\n");
        }
        for (String[] header : curl.headers()) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (curl.data() != null) {
            head.append("Content-Length: ").append(curl.data().length).append("\r\n");
            if (curl.formDefault()) {
                head.append("Content-Type: application/x-www-form-urlencoded\r\n");
            }
            if (curl.data().length > EXPECT_CONTINUE_THRESHOLD) {
                head.append("Expect: 100-continue\r\n");
            }
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            List<String> statusLines = new ArrayList<>();
            Map<String, List<String>> headers;
            int status;
            if (curl.data() != null) {
                if (curl.data().length > EXPECT_CONTINUE_THRESHOLD) {
                    // curl waits for the 100 (or a final answer) before it sends the body.
                    headers = readHead(in, statusLines);
                    status = statusCode(statusLines);
                    if (status == 100) {
                        sendQuietly(out, curl.data());
                    }
                } else {
                    sendQuietly(out, curl.data());
                    status = 0;
                    headers = null;
                }
            } else {
                status = 0;
                headers = null;
            }
            while (headers == null || status < 200) {
                headers = readHead(in, statusLines);
                status = statusCode(statusLines);
            }
            byte[] body = status == 204 || status == 304 || curl.method().equals("HEAD") ? new byte[0] : readBody(in, headers);
            return new Answer(statusLines, status, headers, body);
        }
    }

    /** The server may answer and close before it has read a body (a 413): what it said is read next. */
    private static void sendQuietly(OutputStream out, byte[] data) {
        try {
            out.write(data);
            out.flush();
        } catch (IOException closedWhileWriting) {
            // read the answer
        }
    }

    private static int statusCode(List<String> statusLines) {
        return Integer.parseInt(statusLines.get(statusLines.size() - 1).split(" ")[1]);
    }

    /** Reads one answer's head, adds its status line (as curl -i prints it, without the reason) and returns its headers. */
    private static Map<String, List<String>> readHead(InputStream in, List<String> statusLines) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of a response head: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        statusLines.add(statusLine[0] + " " + statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        return headers;
    }

    private static byte[] readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                body.write(in.readNBytes(size));
                in.readNBytes(2); // CR LF
            }
            in.readNBytes(2); // no trailers: CR LF
            return body.toByteArray();
        }
        List<String> length = headers.get("content-length");
        return length != null ? in.readNBytes(Integer.parseInt(length.get(0))) : in.readAllBytes();
    }

    private static int chunkSize(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("closed inside a chunked body");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return Integer.parseInt(line.toString().split(";")[0].strip(), 16);
    }
}
