package com.example.statuscodes.errors;

import java.net.URI;

/**
 * The problem types of this API that say more than their status code (RFC 9457 §3.1.1, §4). A problem that
 * carries extension members names the type that defines them; every other problem is {@code about:blank}
 * (§4.2.1: it means no more than its status). Each type URI is a relative reference that the app serves as
 * a short page ({@link ProblemTypePages}), so a developer who meets one can look it up.
 */
public enum ProblemType {

    VALIDATION("validation", "Invalid request fields",
            "The request named fields or parameters that could not be accepted. The <code>errors</code> member"
                    + " maps each one to a message. The status draws the line: <b>400 Bad Request</b> when the"
                    + " server could not understand the request (a required field is missing, a value has the"
                    + " wrong type, a query or path parameter is bad), <b>422 Unprocessable Content</b> when it"
                    + " understood the request but a value breaks a rule (<code>\"age\": -5</code>). Fix the"
                    + " fields named and send the request again."),
    RATE_LIMIT("rate-limit", "Rate limit exceeded",
            "Too many requests in too short a time (<b>429 Too Many Requests</b>). Wait the number of seconds"
                    + " in the <code>Retry-After</code> header before trying again; the <code>RateLimit</code> and"
                    + " <code>RateLimit-Policy</code> headers on every answer say how much is left."),
    SERVER_ERROR("server-error", "Unexpected server error",
            "Something went wrong on the server (<b>500 Internal Server Error</b>); it is not your request's"
                    + " fault, and the details are only in the server's log. Quote the <code>errorId</code>"
                    + " member when you report it: the log entry carries the same id.");

    private final String slug;
    private final String title;
    private final String description;

    ProblemType(String slug, String title, String description) {
        this.slug = slug;
        this.title = title;
        this.description = description;
    }

    public URI uri() {
        return URI.create(ProblemTypePages.PATH + "/" + slug);
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }
}
