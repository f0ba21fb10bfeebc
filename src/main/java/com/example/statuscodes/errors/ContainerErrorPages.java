package com.example.statuscodes.errors;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
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

/**
 * The last layer: Tomcat itself refuses some requests before any filter or servlet runs (an encoded
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

    /** Writes a problem for any error response that has no body yet (Tomcat's own rejections). */
    static final class ProblemErrorReportValve extends ErrorReportValve {

        private final JsonMapper jsonMapper;

        ProblemErrorReportValve(JsonMapper jsonMapper) {
            this.jsonMapper = jsonMapper;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus httpStatus = HttpStatus.resolve(status);
            if (httpStatus == null) {
                return;
            }
            try {
                String requestId = RequestId.of(request);
                ProblemDetail problem = httpStatus.is5xxServerError()
                        ? Problems.unexpected(throwable, request.getRequestURI(), requestId)
                        : Problems.of(httpStatus, "Rejected by the web server: " + httpStatus.getReasonPhrase());
                problem.setInstance(Problems.instance(request.getRequestURI()));
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
