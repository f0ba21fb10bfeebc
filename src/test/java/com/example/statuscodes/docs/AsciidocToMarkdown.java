package com.example.statuscodes.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The walkthrough's AsciiDoc as GitHub Markdown, each REST Docs snippet it includes put in place as a fenced block.
 * Only the little AsciiDoc the page uses is understood (title, sections with an {@code [[id]]}, paragraphs, lists,
 * monospace, {@code <<id,text>>}, {@code link:url[text]}, {@code ifdef::markdown[]}, {@code include::{snippets}/...});
 * anything else is refused, so that Asciidoctor's page and this one cannot quietly say different things.
 */
final class AsciidocToMarkdown {

    /** Set for this rendering only: {@code ifdef::markdown[]} holds what only GitHub readers need (links into the repository). */
    static final String MARKDOWN = "markdown";

    private static final Pattern TITLE = Pattern.compile("= (.+)");
    private static final Pattern ATTRIBUTE_ENTRY = Pattern.compile(":[a-z-]+!?:.*");
    private static final Pattern ANCHOR = Pattern.compile("\\[\\[([a-z0-9-]+)]]");
    private static final Pattern SECTION = Pattern.compile("(={2,3}) (.+)");
    private static final Pattern INCLUDE =
            Pattern.compile("include::\\{snippets}/([a-z0-9-]+)/(http-request|http-response)\\.adoc\\[]");
    private static final Pattern CONDITION = Pattern.compile("(ifdef|ifndef)::([a-z-]+)\\[]");
    private static final Pattern XREF = Pattern.compile("<<([a-z0-9-]+),([^>]+)>>");
    private static final Pattern LINK = Pattern.compile("link:([^\\[\\s]+)\\[([^]]+)]");
    /** {@code `+text+`}: monospace whose text AsciiDoc must not interpret; Markdown needs no such escape. */
    private static final Pattern LITERAL_MONOSPACE = Pattern.compile("`\\+(.+?)\\+`");
    /** What AsciiDoc and Markdown read differently: bold ({@code *x*} is italic in Markdown), block syntax, macros. */
    private static final Pattern UNSUPPORTED = Pattern.compile(
            "^(\\[|\\.[^ .]|----|\\.\\.\\.\\.|\\*\\*\\*\\*|____|====|\\|===|////)|[a-z]+::|(^|\\s)\\*[^ *]|pass:|kbd:|footnote:");
    private static final String SNIPPET_START = "[source,http,options=\"nowrap\"]";

    /** One snippet as the page includes it: the exchange's id and which half ({@code http-request}, {@code http-response}). */
    record Include(String id, String snippet) {
    }

    /**
     * @param markdown the page for GitHub
     * @param sections each section's {@code [[id]]} with the snippets it includes, in page order
     */
    record Rendering(String markdown, Map<String, List<Include>> sections) {

        List<Include> includes() {
            return sections.values().stream().flatMap(List::stream).toList();
        }
    }

    private final Path snippets;

    AsciidocToMarkdown(Path snippets) {
        this.snippets = snippets;
    }

    Rendering render(String asciidoc, String header) {
        List<String> lines = asciidoc.lines().toList();
        Map<String, String> slugs = headingSlugs(lines);
        Map<String, List<Include>> sections = new LinkedHashMap<>();
        List<String> out = new ArrayList<>(List.of(header, ""));
        String section = null;
        Boolean shown = null; // inside ifdef/ifndef: whether its lines are part of the Markdown page
        boolean inHeader = false;
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            String where = "index.adoc line " + number + ": ";
            Matcher condition = CONDITION.matcher(line);
            if (condition.matches()) {
                require(shown == null && condition.group(2).equals(MARKDOWN), where + "only a single level of ifdef/ifndef::markdown[]");
                shown = condition.group(1).equals("ifdef");
                continue;
            }
            if (line.equals("endif::[]")) {
                require(shown != null, where + "endif without ifdef");
                shown = null;
                continue;
            }
            if (Boolean.FALSE.equals(shown) || line.startsWith("// ") || line.equals("//")) {
                continue;
            }
            Matcher title = TITLE.matcher(line);
            if (number == 1) {
                require(title.matches(), where + "the page starts with its = title");
                out.add("# " + title.group(1));
                inHeader = true;
                continue;
            }
            if (inHeader) {
                if (line.isEmpty()) {
                    inHeader = false;
                    out.add("");
                } else {
                    require(ATTRIBUTE_ENTRY.matcher(line).matches(), where + "the header holds attribute entries only");
                }
                continue;
            }
            Matcher anchor = ANCHOR.matcher(line);
            if (anchor.matches()) {
                section = anchor.group(1);
                sections.put(section, new ArrayList<>());
                continue;
            }
            Matcher heading = SECTION.matcher(line);
            if (heading.matches()) {
                out.add("#".repeat(heading.group(1).length()) + " " + heading.group(2));
                continue;
            }
            Matcher include = INCLUDE.matcher(line);
            if (include.matches()) {
                require(section != null, where + "a snippet outside any [[id]] section");
                sections.get(section).add(new Include(include.group(1), include.group(2)));
                out.add("```http");
                out.addAll(snippet(include.group(1), include.group(2)));
                out.add("```");
                out.add("");
                continue;
            }
            require(line.chars().filter(c -> c == '`').count() % 2 == 0, where + "monospace that runs onto the next line");
            String text = LITERAL_MONOSPACE.matcher(line).replaceAll(match -> Matcher.quoteReplacement("`" + match.group(1) + "`"));
            require(!UNSUPPORTED.matcher(text.replaceAll("`[^`]*`", "")).find(),
                    where + "AsciiDoc the Markdown rendering does not know (see AsciidocToMarkdown): " + line);
            text = XREF.matcher(text).replaceAll(match -> {
                String slug = slugs.get(match.group(1));
                require(slug != null, where + "<<" + match.group(1) + ">> names no [[id]] of a section");
                return Matcher.quoteReplacement("[" + match.group(2) + "](#" + slug + ")");
            });
            text = LINK.matcher(text).replaceAll(match -> Matcher.quoteReplacement("[" + match.group(2) + "](" + match.group(1) + ")"));
            out.add(text);
        }
        require(shown == null, "index.adoc: ifdef without endif");
        return new Rendering(String.join("\n", collapseBlankLines(out)) + "\n", sections);
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String githubSlug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static Map<String, String> headingSlugs(List<String> lines) {
        Map<String, String> slugs = new LinkedHashMap<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher anchor = ANCHOR.matcher(lines.get(i));
            if (anchor.matches()) {
                Matcher heading = SECTION.matcher(lines.get(i + 1));
                require(heading.matches(), "index.adoc line " + (i + 2) + ": a section title must follow [[" + anchor.group(1) + "]]");
                slugs.put(anchor.group(1), githubSlug(heading.group(2)));
            }
        }
        return slugs;
    }

    /** The exchange between the snippet's {@code ----} lines, without the blank line that ends a request with no body. */
    private List<String> snippet(String id, String name) {
        Path file = snippets.resolve(id).resolve(name + ".adoc");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("No snippet " + file + ": did WalkthroughTest document '" + id + "'?", e);
        }
        require(lines.size() >= 3 && lines.get(0).equals(SNIPPET_START) && lines.get(1).equals("----")
                && lines.get(lines.size() - 1).equals("----"), file + " is not the http snippet REST Docs writes");
        List<String> body = new ArrayList<>(lines.subList(2, lines.size() - 1));
        while (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
            body.remove(body.size() - 1);
        }
        return body;
    }

    private static List<String> collapseBlankLines(List<String> lines) {
        List<String> collapsed = new ArrayList<>();
        for (String line : lines) {
            if (!(line.isEmpty() && (collapsed.isEmpty() || collapsed.get(collapsed.size() - 1).isEmpty()))) {
                collapsed.add(line);
            }
        }
        while (!collapsed.isEmpty() && collapsed.get(collapsed.size() - 1).isEmpty()) {
            collapsed.remove(collapsed.size() - 1);
        }
        return collapsed;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
