package com.example.statuscodes.docs;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README points into the code everywhere: links, the "Born in" and "Specified by" columns, the request path and
 * the package tree. Code moves and pages are renamed; this keeps every pointer true. Line anchors ({@code #L12}) are
 * {@link SecurityDocTest}'s.
 */
@DisplayName("README.md and docs/: every link, class and package they name exists")
class ReadmeLinksTest {

    private static final Path MAIN = Path.of("src/main/java/com/example/statuscodes");
    private static final Pattern LINK = Pattern.compile("\\[([^]]*)]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("```.*?```", Pattern.DOTALL);
    /** {@code `Class.member`}: a method or a nested class. */
    private static final Pattern MEMBER = Pattern.compile("`([A-Z]\\w*)\\.(\\w+)`");

    static Stream<Path> pages() throws IOException {
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            return Stream.concat(Stream.of(Path.of("README.md")),
                    docs.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream());
        }
    }

    @Test
    void every_relative_link_leads_to_a_file_and_every_linked_member_is_in_it() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : pages().toList()) {
            String text = FENCE.matcher(Files.readString(page)).replaceAll("");
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(2);
                if (target.matches("[a-z]+:.*")) {
                    continue; // http(s), mailto: not this test's to reach
                }
                links++;
                String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path file = path.isEmpty() ? page : page.resolveSibling(path).normalize();
                if (!Files.exists(file)) {
                    broken.add(page + ": " + link.group() + ": no such file");
                } else if (anchor != null && !anchor.matches("L\\d+") && file.toString().endsWith(".md")
                        && !headingAnchors(file).contains(anchor)) {
                    broken.add(page + ": " + link.group() + ": no heading #" + anchor);
                } else if (Files.isRegularFile(file) && file.toString().endsWith(".java")) {
                    Matcher member = MEMBER.matcher(link.group(1));
                    if (member.matches() && !declares(Files.readString(file), member.group(2))) {
                        broken.add(page + ": " + link.group() + ": " + file.getFileName() + " has no " + member.group(2));
                    }
                }
            }
        }
        assertThat(links).as("relative links in README.md and docs/").isGreaterThan(100);
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void every_class_and_member_the_code_table_names_exists() throws IOException {
        List<String> missing = new ArrayList<>();
        List<ReadmeTableTest.Row> rows = ReadmeTableTest.codeTable(Files.readString(ReadmeTableTest.README));
        List<String> born = Files.readString(ReadmeTableTest.README).lines()
                .filter(line -> line.matches("\\| \\d{3} \\|.*")).map(ReadmeLinksTest::lastTwoCells).toList();
        assertThat(born).hasSameSizeAs(rows);
        int names = 0;
        for (String cells : born) {
            Matcher name = Pattern.compile("(Spring's )?`([A-Z]\\w*)(?:\\.(\\w+))?`").matcher(cells);
            while (name.find()) {
                if (name.group(1) != null) {
                    continue; // the framework's, said so
                }
                names++;
                Path file = sourceFile(name.group(2));
                if (file == null) {
                    missing.add(name.group() + ": no class " + name.group(2));
                } else if (name.group(3) != null && !declares(Files.readString(file), name.group(3))) {
                    missing.add(name.group() + ": " + file.getFileName() + " has no " + name.group(3));
                }
            }
        }
        assertThat(names).as("names in the Born in and Specified by columns").isGreaterThan(30);
        assertThat(missing).as("names in the code table that are nowhere").isEmpty();
    }

    @Test
    void every_class_the_request_path_names_exists() throws IOException {
        String path = fencedBlock("Tomcat ....");
        Matcher name = Pattern.compile("\\b([a-z]+(?:/[a-z]+)*)/([A-Z]\\w*)(?:#(\\w+))?").matcher(path);
        List<String> missing = new ArrayList<>();
        int names = 0;
        while (name.find()) {
            names++;
            Path file = MAIN.resolve(name.group(1)).resolve(name.group(2) + ".java");
            if (!Files.isRegularFile(file)) {
                missing.add(name.group() + ": no " + file);
            } else if (name.group(3) != null && !declares(Files.readString(file), name.group(3))) {
                missing.add(name.group() + ": no " + name.group(3) + " in " + file);
            }
        }
        assertThat(names).as("classes in the request path").isGreaterThan(15);
        assertThat(missing).as("classes the request path names that are nowhere").isEmpty();
    }

    /** The tree under {@code src/main/java/com/example/statuscodes} lists every package, and only packages. */
    @Test
    void the_package_tree_lists_every_package() throws IOException {
        String tree = fencedBlock("src/main/java/com/example/statuscodes ");
        Pattern entry = Pattern.compile("^((?:│   | {4})*)[├└]── (\\w+)");
        List<String> parents = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (String line : tree.lines().toList()) {
            Matcher node = entry.matcher(line);
            if (node.find()) {
                int depth = node.group(1).length() / 4;
                parents.subList(depth, parents.size()).clear();
                parents.add(node.group(2));
                listed.add(String.join("/", parents));
            }
        }
        Set<String> packages;
        try (Stream<Path> all = Files.walk(MAIN)) {
            packages = all.filter(Files::isDirectory).filter(p -> !p.equals(MAIN))
                    .map(p -> MAIN.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(listed).as("packages in README.md's tree").isEqualTo(packages);
    }

    private static String fencedBlock(String start) throws IOException {
        Matcher block = FENCE.matcher(Files.readString(ReadmeTableTest.README));
        while (block.find()) {
            String body = block.group().substring(block.group().indexOf('\n') + 1);
            if (body.startsWith(start)) {
                return body;
            }
        }
        throw new AssertionError("README.md has no fenced block starting with " + start);
    }

    private static String lastTwoCells(String row) {
        String[] cells = row.split(" \\| ");
        return cells[cells.length - 2] + " | " + cells[cells.length - 1];
    }

    /** A method, field or nested type of that name, declared in the source. */
    private static boolean declares(String source, String member) {
        return Pattern.compile("(\\b" + member + "\\s*\\(|\\b(class|record|interface|enum) " + member + "\\b|\\b"
                + member + "\\s*=)").matcher(source).find();
    }

    private static Path sourceFile(String simpleName) throws IOException {
        try (Stream<Path> all = Stream.concat(Files.walk(MAIN), Files.walk(Path.of("src/test/java")))) {
            return all.filter(p -> p.getFileName().toString().equals(simpleName + ".java")).findFirst().orElse(null);
        }
    }

    /** GitHub's anchors: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> headingAnchors(Path page) throws IOException {
        return Files.readString(page).lines().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }
}
