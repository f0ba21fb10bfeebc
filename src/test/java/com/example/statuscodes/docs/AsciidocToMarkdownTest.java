package com.example.statuscodes.docs;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The walkthrough's Markdown rendering: the little AsciiDoc it knows, and a refusal for anything else. */
@DisplayName("AsciiDoc to Markdown, for docs/walkthrough.md")
class AsciidocToMarkdownTest {

    @TempDir
    Path snippets;

    private AsciidocToMarkdown.Rendering render(String asciidoc) {
        return new AsciidocToMarkdown(snippets).render(asciidoc, "<!-- generated -->");
    }

    @Test
    void renders_the_subset_the_page_uses_with_each_snippet_in_place() throws IOException {
        Files.createDirectories(snippets.resolve("ok"));
        Files.writeString(snippets.resolve("ok/http-request.adoc"),
                "[source,http,options=\"nowrap\"]\n----\nGET /x HTTP/1.1\nHost: localhost:8080\n\n----\n");
        Files.writeString(snippets.resolve("ok/http-response.adoc"),
                "[source,http,options=\"nowrap\"]\n----\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"a\":1}\n----\n");

        AsciidocToMarkdown.Rendering rendering = render("""
                = Title
                :toc: left
                :webfonts!:

                // a comment
                ifdef::markdown[]
                link:../README.md[← README]
                endif::[]
                ifndef::markdown[]
                Only on the served page.
                endif::[]

                [[status-200]]
                == 200 OK: "the" default success

                Send `+{"age":32}+`; see <<status-200,200>> or link:https://example.com[a site].

                include::{snippets}/ok/http-request.adoc[]
                include::{snippets}/ok/http-response.adoc[]
                """);

        assertThat(rendering.markdown()).isEqualTo("""
                <!-- generated -->

                # Title

                [← README](../README.md)

                ## 200 OK: "the" default success

                Send `{"age":32}`; see [200](#200-ok-the-default-success) or [a site](https://example.com).

                ```http
                GET /x HTTP/1.1
                Host: localhost:8080
                ```

                ```http
                HTTP/1.1 200 OK
                Content-Type: application/json

                {"a":1}
                ```
                """);
        assertThat(rendering.sections()).containsOnlyKeys("status-200");
        assertThat(rendering.includes()).containsExactly(new AsciidocToMarkdown.Include("ok", "http-request"),
                new AsciidocToMarkdown.Include("ok", "http-response"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Some *bold* text.", "`code that goes on", "[NOTE]", "image::x.png[]", ".A block title", "----", "|===",
            "See <<nowhere,there>>."})
    void refuses_what_it_does_not_render_the_way_asciidoctor_does(String line) {
        assertThatIllegalStateException().isThrownBy(() -> render("= Title\n\n[[a]]\n== A\n\n" + line + "\n"));
    }

    @Test
    void refuses_a_snippet_outside_a_section() {
        assertThatIllegalStateException().isThrownBy(() -> render("= Title\n\ninclude::{snippets}/ok/http-request.adoc[]\n"))
                .withMessageContaining("outside any [[id]] section");
    }

    @Test
    void github_slugs_drop_punctuation_and_join_words_with_hyphens() {
        assertThat(List.of("304 Not Modified: \"should the client go somewhere else?\" To its own copy",
                "404 Not Found: doesn't exist").stream().map(AsciidocToMarkdown::githubSlug))
                .containsExactly("304-not-modified-should-the-client-go-somewhere-else-to-its-own-copy",
                        "404-not-found-doesnt-exist");
    }
}
