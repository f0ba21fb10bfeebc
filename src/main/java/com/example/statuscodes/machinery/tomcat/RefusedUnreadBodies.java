package com.example.statuscodes.machinery.tomcat;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request refused before its body was read (401, 403, 404, 405, 415, 429, ...) is answered with
 * {@code Connection: close} and the connection closed at once, as a 413 is ({@link AbortedUploads}).
 * <p>
 * Without this, Tomcat keeps such a connection open after the answer, to read and discard ("swallow") the body the
 * client announced, up to {@code server.tomcat.max-swallow-size}: a request with {@code Content-Length: 100000}
 * and one byte of body held the socket and its worker thread until the connection timeout. A {@code Connection:
 * close} header alone does not prevent that: {@code Http11Processor.endRequest()} swallows whenever the request is
 * not in an error state. So this valve does two things:
 * <ul>
 *   <li>it hands the application a response wrapper that adds {@code Connection: close} the moment an error status
 *       is set while the body is unread: the advice commits the response as it writes the problem, so the header
 *       must be there before (a client that reused the connection would otherwise find it closed);</li>
 *   <li>after the application, for such a response, it tells Tomcat not to swallow the body
 *       ({@code DISABLE_SWALLOW_INPUT}, what Tomcat itself does for a 413 when {@code swallowAbortedUploads=false}).</li>
 * </ul>
 * An engine valve, so that it runs around the host's error handling: that action also marks the response as an
 * error, and inside the host Tomcat would then forward the committed response to the error page once more.
 * A refusal whose body was read (a 422 after parsing) keeps the connection for the next request.
 */
final class RefusedUnreadBodies extends ValveBase {

    RefusedUnreadBodies() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        // No body, nothing to swallow; or refused by Tomcat already (two Content-Lengths, say: ContainerErrorPages).
        // The raw headers, not getContentLengthLong(): that would throw on the malformed ones Tomcat refuses.
        if (response.isError()
                || request.getHeader("Content-Length") == null && request.getHeader("Transfer-Encoding") == null) {
            getNext().invoke(request, response);
            return;
        }
        CloseOnRefusal application = new CloseOnRefusal(response.getResponse(), request);
        response.setResponse(application);
        getNext().invoke(request, response);
        if (application.closing) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }

    private static boolean bodyUnread(Request request) {
        AtomicBoolean fullyRead = new AtomicBoolean();
        request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        return !fullyRead.get();
    }

    /** Announces the close while the headers can still change: when an error status is set. */
    private static final class CloseOnRefusal extends HttpServletResponseWrapper {

        private final Request request;
        private boolean closing;

        CloseOnRefusal(HttpServletResponse response, Request request) {
            super(response);
            this.request = request;
        }

        @Override
        public void setStatus(int status) {
            refused(status);
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            refused(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            refused(status);
            super.sendError(status, message);
        }

        private void refused(int status) {
            if (status >= 400 && !closing && !isCommitted() && bodyUnread(request)) {
                closing = true;
                setHeader("Connection", "close");
            }
        }
    }
}
