package com.example.statuscodes.errors;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.util.Arrays;

/**
 * {@code GET /problems/{type}}: the page a problem's {@code type} URI points at (RFC 9457 §3.1.1 encourages
 * type URIs that a developer can dereference). A short HTML page per {@link ProblemType}; an unknown type is
 * the usual 404 problem.
 */
@Hidden // documentation for humans, not an operation of the API
@RestController
class ProblemTypePages {

    static final String PATH = "/problems";

    @GetMapping(path = PATH + "/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String slug) {
        ProblemType type = Arrays.stream(ProblemType.values()).filter(t -> t.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new UnknownProblemTypeException(slug));
        String title = HtmlUtils.htmlEscape(type.title());
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                        + "</title></head><body><h1>" + title + "</h1><p>" + type.description()
                        + "</p><p>Problem type <code>" + type.uri() + "</code> of the HTTP status codes reference API"
                        + " (RFC 9457 problem details).</p></body></html>\n");
    }
}
