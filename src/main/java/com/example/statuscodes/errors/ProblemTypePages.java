package com.example.statuscodes.errors;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code GET /problems/{type}}: the page a problem's {@code type} URI points at (RFC 9457 §3.1.1 encourages
 * type URIs that a developer can dereference). A short HTML page per {@link ProblemType}; an unknown type is
 * the usual 404 problem.
 */
@Hidden // documentation for humans, not an operation of the API
@RestController
class ProblemTypePages {

    static final String PATH = "/problems";
    /** The walkthrough the app serves (openapi.GuidePage); a section per status, with the id {@code status-NNN}. */
    private static final String WALKTHROUGH = "/docs/";

    @GetMapping(path = PATH + "/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String slug) {
        ProblemType type = Arrays.stream(ProblemType.values()).filter(t -> t.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new UnknownProblemTypeException(slug));
        String title = HtmlUtils.htmlEscape(type.title());
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                        + "</title></head><body><h1>" + title + "</h1><p>" + type.description()
                        + "</p><p>Seen in the walkthrough: " + walkthroughLinks(type)
                        + ".</p><p>Problem type <code>" + type.uri() + "</code> of the HTTP status codes reference API"
                        + " (RFC 9457 problem details).</p></body></html>\n");
    }

    /**
     * The walkthrough's sections ({@code /docs/}, one per status) whose answers carry this type. An exhaustive switch:
     * a new type does not compile until it says where it is shown. {@code docs.WalkthroughTest} checks that each
     * section exists and shows the type.
     */
    private static String walkthroughLinks(ProblemType type) {
        List<HttpStatus> statuses = switch (type) {
            case VALIDATION -> List.of(HttpStatus.BAD_REQUEST, HttpStatus.UNPROCESSABLE_CONTENT);
            case RATE_LIMIT -> List.of(HttpStatus.TOO_MANY_REQUESTS);
            case SERVER_ERROR -> List.of(HttpStatus.INTERNAL_SERVER_ERROR);
        };
        return statuses.stream()
                .map(status -> "<a href=\"" + WALKTHROUGH + "#status-" + status.value() + "\">" + status.value() + " "
                        + HtmlUtils.htmlEscape(status.getReasonPhrase()) + "</a>")
                .collect(Collectors.joining(", "));
    }
}
