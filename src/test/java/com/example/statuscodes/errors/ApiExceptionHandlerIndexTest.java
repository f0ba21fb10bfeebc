package com.example.statuscodes.errors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class comment of {@link ApiExceptionHandler} is the map from exception to status a reader looks things up in:
 * every domain exception (a class extending {@code ErrorResponseException}, {@code AccessDeniedException} or
 * {@code InvalidBearerTokenException}) is listed, under the status its source gives it.
 */
@DisplayName("ApiExceptionHandler's map of codes lists every domain exception under its own status")
class ApiExceptionHandlerIndexTest {

    private static final Path MAIN = Path.of("src/main/java/com/example/statuscodes");
    private static final Pattern DOMAIN_EXCEPTION = Pattern.compile(
            "class (\\w+Exception) extends (ErrorResponseException|AccessDeniedException|InvalidBearerTokenException)");
    private static final Pattern STATUS = Pattern.compile("HttpStatus\\.([A-Z_]+)");
    private static final Pattern INDEX_LINE = Pattern.compile("^ \\*   (\\d{3})  (.*)$");

    @Test
    void every_domain_exception_is_in_the_map_under_its_status() throws IOException {
        Map<String, Integer> indexed = index();
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> declared = declaredStatuses();
        assertThat(declared).as("domain exceptions found").hasSizeGreaterThan(15);
        declared.forEach((exception, status) -> {
            if (!status.equals(indexed.get(exception))) {
                wrong.add(exception + ": " + status + " in its source, " + indexed.get(exception) + " in the map");
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** The first {@code <pre>} block: "status  Name, Name; Name  (remark)". */
    private static Map<String, Integer> index() throws IOException {
        String source = Files.readString(MAIN.resolve("errors/ApiExceptionHandler.java"));
        String block = source.substring(source.indexOf("<pre>"), source.indexOf("</pre>"));
        Map<String, Integer> indexed = new TreeMap<>();
        for (String line : block.split("\n")) {
            Matcher entry = INDEX_LINE.matcher(line);
            if (entry.matches()) {
                Matcher name = Pattern.compile("\\b(\\w+Exception)\\b").matcher(entry.group(2));
                while (name.find()) {
                    indexed.put(name.group(1), Integer.valueOf(entry.group(1)));
                }
            }
        }
        return indexed;
    }

    /** Each domain exception and the status its source names (403 for an {@code AccessDeniedException}). */
    private static Map<String, Integer> declaredStatuses() throws IOException {
        Map<String, Integer> declared = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(path -> path.toString().endsWith("Exception.java")).toList()) {
                String source = Files.readString(file);
                Matcher exception = DOMAIN_EXCEPTION.matcher(source);
                if (!exception.find()) {
                    continue;
                }
                if (exception.group(2).equals("AccessDeniedException")) {
                    declared.put(exception.group(1), 403);
                    continue;
                }
                Matcher status = STATUS.matcher(source);
                assertThat(status.find()).as("%s names its HttpStatus", exception.group(1)).isTrue();
                declared.put(exception.group(1), HttpStatus.valueOf(status.group(1)).value());
            }
        }
        return declared;
    }
}
