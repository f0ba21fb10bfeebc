package com.example.statuscodes.openapi;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Both answers of /docs/, whatever this build has rendered (WalkthroughTest asks the running app, and so sees only one
 * of them): the page once Asciidoctor has put it into the jar, a 404 that says how to get it before.
 */
@DisplayName("/docs/: the rendered walkthrough, or a 404 saying how to build it")
class GuidePageTest {

    @Test
    void serves_the_rendered_page_as_utf8_html() {
        Resource page = new ByteArrayResource("<h1>Walkthrough</h1>".getBytes(StandardCharsets.UTF_8));
        ResponseEntity<Resource> answer = new GuidePage(page).guide();
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/html;charset=UTF-8"));
        assertThat(answer.getBody()).isSameAs(page);
    }

    @Test
    void without_a_rendered_page_answers_404_saying_how_to_build_it() {
        GuidePage notBuilt = new GuidePage(new ClassPathResource("static/docs/not-rendered-here.html"));
        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class, notBuilt::guide);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getBody().getDetail()).isEqualTo("The guide at /docs/ is built by ./mvnw package, from the answers"
                + " the tests record; this server was started without it. Read docs/walkthrough.md instead.");
    }
}
