package com.example.statuscodes.openapi;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /docs/}: the walkthrough, every request and answer in it written by a test ({@code docs.WalkthroughTest},
 * Spring REST Docs) and rendered by Asciidoctor into the jar ({@code static/docs/index.html}) at {@code prepare-package}.
 * A server started from the sources ({@code ./mvnw spring-boot:run}) never ran that phase: it has no page to serve,
 * and says so with a 404 rather than show a guide that no test has produced.
 */
@Hidden // documentation for humans, not an operation of the API
@RestController
class GuidePage {

    static final String NOT_BUILT = "The guide at /docs/ is built by ./mvnw package, from the answers the tests record;"
            + " this server was started without it. Read docs/walkthrough.md instead.";

    private final Resource page;

    GuidePage() {
        this(new ClassPathResource("static/docs/index.html"));
    }

    GuidePage(Resource page) {
        this.page = page;
    }

    @GetMapping(path = {"/docs", "/docs/"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Resource> guide() {
        if (!page.exists()) {
            ErrorResponseException notBuilt = new ErrorResponseException(HttpStatus.NOT_FOUND);
            notBuilt.setDetail(NOT_BUILT);
            throw notBuilt;
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }
}
