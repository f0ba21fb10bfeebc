package com.example.statuscodes.docs;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/security.md names, for each threat, the line that stops it and the test that proves it. Code moves; this
 * keeps the table true: a link with a line holds the named code on that line, and a named test method exists.
 */
@DisplayName("docs/security.md: every defence and test it names is where it says")
class SecurityDocTest {

    private static final Path DOC = Path.of("docs/security.md");
    /** {@code [`Name`](../path#L12)} or {@code [`TestClass.test_method`](../path)}. */
    private static final Pattern LINK = Pattern.compile("\\[`([^`]+)`]\\(\\.\\./([^)#]+)(?:#L(\\d+))?\\)");

    @Test
    void every_linked_line_holds_the_named_code_and_every_named_test_exists() throws IOException {
        Matcher link = LINK.matcher(Files.readString(DOC));
        List<String> broken = new ArrayList<>();
        int links = 0;
        while (link.find()) {
            links++;
            String name = link.group(1);
            Path file = Path.of(link.group(2));
            String simpleName = name.substring(name.lastIndexOf('.') + 1);
            if (!Files.isRegularFile(file)) {
                broken.add(link.group() + ": no such file");
            } else if (link.group(3) != null) {
                List<String> lines = Files.readAllLines(file);
                int line = Integer.parseInt(link.group(3));
                if (line > lines.size() || !lines.get(line - 1).contains(simpleName)) {
                    broken.add(link.group() + ": line " + line + " does not contain " + simpleName);
                }
            } else if (name.contains(".") && file.toString().startsWith("src/test/")
                    && !Files.readString(file).contains("void " + simpleName + "(")) {
                broken.add(link.group() + ": no test method " + simpleName);
            }
        }
        assertThat(links).as("links in %s", DOC).isGreaterThan(30);
        assertThat(broken).as("links in %s that no longer hold", DOC).isEmpty();
    }
}
