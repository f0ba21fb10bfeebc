package com.example.statuscodes.errors;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Enumeration;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One id per request: the client's {@code X-Request-Id} when it is safe to echo and to log (1 to 64 characters
 * of {@code [A-Za-z0-9._-]}, sent once), otherwise a fresh UUID. {@code machinery.ops.RequestIdFilter} settles it before anything
 * else runs; it is then on the response header, in every problem body ({@link RequestIdProblemMember}), in
 * every log line of the request (MDC key {@value #MDC_KEY}) and, for a 500, it is the {@code errorId}.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    /** The problem member, and the MDC key the log pattern prints. */
    public static final String MDC_KEY = "requestId";
    public static final String ATTRIBUTE = RequestId.class.getName();

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestId() {
    }

    /** The client's id if it is safe, otherwise a new one. */
    public static String accept(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    /**
     * The header's one line, or null. Two lines are one list (RFC 9110 §5.3), not one id; the id is only for the logs,
     * so such a request is not refused: it gets a fresh id, as an unsafe one does.
     */
    private static String onlyValue(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(HEADER);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String first = values.nextElement();
        return values.hasMoreElements() ? null : first;
    }

    /**
     * The id settled for this request; a request that no filter has seen (one Tomcat itself rejects) gets one
     * here, from its header or fresh, and keeps it.
     */
    public static String of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String id) {
            return id;
        }
        String id = accept(onlyValue(request));
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }
}
