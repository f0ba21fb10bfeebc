package com.example.statuscodes.machinery.tomcat;

import jakarta.servlet.ServletException;
import com.example.statuscodes.errors.Problems;
import com.example.statuscodes.errors.RequestId;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Buys problem+json for the requests Tomcat refuses on its own (the raw-socket fuzzer found HTML error pages for
 * every one of them before). The last layer: Tomcat itself refuses some requests before any filter or servlet runs (an encoded
 * {@code /} or {@code %00} in the path, a malformed request line) and answers them with its own HTML page.
 * No filter, no Spring MVC and so no advice has run for such a request: this is the one other place that writes
 * an error body. It makes the host's error report valve one that writes the same problem+json as everything else:
 * it removes any report valve already configured and names ours as the host's valve class, so Tomcat does
 * not add its default one when the host starts. Ordered last, after Spring Boot's own customizers.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final JsonMapper jsonMapper;

    ContainerErrorPages(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemErrorReportValve(jsonMapper));
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * Writes a problem for any error response that has no body yet (Tomcat's own rejections).
     * <p>
     * The status is Tomcat's (but 431 for header fields over the limits, see {@link #headerFieldsTooLarge}, and 414 for
     * a request-target over them, {@link #requestTargetTooLong}): a 400 for
     * a request line it cannot parse, 505 for an HTTP version other than 1.0/1.1,
     * 501 for a transfer coding it does not implement ({@code Transfer-Encoding: gzip, chunked}). Those 5xx describe
     * the request, not a fault of ours, so they keep their code and get no error id (so does the 501 Tomcat answers
     * to {@code CONNECT}); only a 500 is the "unexpected" one, logged with an id.
     * <p>
     * A request line Tomcat cannot parse ({@code { | \} or raw non-ASCII bytes in the target, a target over
     * {@code server.max-http-request-header-size} (made a 414), binary garbage) still reaches this valve: Tomcat's
     * {@code Http11Processor} sets the 400 and passes the unparsed request on to the adapter and the host's pipeline.
     * Such a request has no request URI, so the problem has no {@code instance}.
     * <p>
     * Where no valve runs, and so no body can be added from inside the application: {@code OPTIONS *} is answered by
     * Tomcat's {@code CoyoteAdapter.postParseRequest} before any container, so when such a request is also malformed
     * (a header line without a colon, say) its 400 stays empty ({@code TomcatRejectionsTest} pins it); and a request
     * line without a protocol is HTTP/0.9, whose response is a bare body without status line or headers.
     */
    static final class ProblemErrorReportValve extends ErrorReportValve {

        private static final StringManager HTTP11 = StringManager.getManager("org.apache.coyote.http11");
        private static final StringManager HEADERS = StringManager.getManager("org.apache.tomcat.util.http");

        private final JsonMapper jsonMapper;

        ProblemErrorReportValve(JsonMapper jsonMapper) {
            this.jsonMapper = jsonMapper;
        }

        /**
         * A response that is already an error before the host's pipeline runs is one Tomcat itself refused (a
         * {@code CONNECT}, a URI it rejects, an HTTP version or transfer coding it does not implement). Such a
         * connection is closed after the answer, without first reading the rest of the request body: otherwise a
         * request that announces a body it never sends ({@code Content-Length: 2000000}) holds the connection and its
         * worker thread until the connection timeout, as a 413 did before {@code machinery.tomcat.AbortedUploads}.
         * (A TRACE is no longer among them: {@link TraceLikeAnyOtherMethod}.)
         */
        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            if (response.isError()) {
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
            super.invoke(request, response);
        }

        /**
         * Tomcat answers 400 to header fields over {@code server.max-http-request-header-size} or beyond
         * {@code maxHeaderCount}; RFC 6585 §5 has a code of its own for both, 431. Tomcat leaves the cause on the
         * request, with the message its string manager gives it, so the same manager names it here. A request line too
         * long to parse raises the same exception before there is a request URI: {@link #requestTargetTooLong}.
         */
        static boolean headerFieldsTooLarge(Request request, Throwable throwable) {
            if (throwable == null || request.getRequestURI() == null) {
                return false;
            }
            if (throwable instanceof IllegalArgumentException) {
                return HTTP11.getString("iib.requestheadertoolarge.error").equals(throwable.getMessage());
            }
            return throwable instanceof IllegalStateException
                    && request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http11
                    && HEADERS.getString("headers.maxCountFail", http11.getMaxHeaderCount()).equals(throwable.getMessage());
        }

        /**
         * A request line over {@code server.max-http-request-header-size} raises the same exception as header fields
         * over it, but before there is a request URI. If the method was read by then, it is the target that did not
         * fit: RFC 9112 §3 makes that a 414 (MUST). Without a method (10 KB of one token, binary garbage) Tomcat's 400
         * stays.
         */
        static boolean requestTargetTooLong(Request request, Throwable throwable) {
            return throwable instanceof IllegalArgumentException && request.getRequestURI() == null
                    && HTTP11.getString("iib.requestheadertoolarge.error").equals(throwable.getMessage())
                    && request.getMethod() != null && !request.getMethod().isEmpty();
        }

        /** Whether Tomcat closes the connection after this answer: its error state, set for what it refused itself. */
        private static boolean closesAfterwards(Response response) {
            AtomicBoolean error = new AtomicBoolean();
            response.getCoyoteResponse().action(ActionCode.IS_ERROR, error);
            return error.get();
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus httpStatus = headerFieldsTooLarge(request, throwable) ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                    : requestTargetTooLong(request, throwable) ? HttpStatus.URI_TOO_LONG : HttpStatus.resolve(status);
            if (httpStatus == null) {
                return;
            }
            response.setStatus(httpStatus.value());
            if (closesAfterwards(response)) {
                // RFC 9112 §9.6: announce the close. Tomcat adds the header itself only for the codes it knows drop the
                // connection (400, 501, ...), not for the 431 it answered as a 400, nor for its 417.
                response.setHeader("Connection", "close");
            }
            String uri = request.getRequestURI();
            try {
                // An exception here is Tomcat's own (a header it could not parse, say): anything thrown by our code was
                // forwarded to /error and answered by the advice before this valve runs.
                String requestId = RequestId.of(request);
                ProblemDetail problem = httpStatus == HttpStatus.INTERNAL_SERVER_ERROR
                        ? Problems.unexpected(throwable, uri, requestId)
                        : Problems.of(httpStatus, "Rejected by the web server: " + httpStatus.getReasonPhrase());
                problem.setInstance(uri != null ? Problems.instance(uri) : null);
                problem.setProperty(RequestId.MDC_KEY, requestId);
                response.setHeader(RequestId.HEADER, requestId);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                jsonMapper.writeValue(response.getOutputStream(), problem);
                response.finishResponse();
            } catch (IOException | IllegalStateException | JacksonException ignored) {
                // The connection is already broken or the response committed: nothing more can be sent.
            }
        }
    }
}
