package com.example.statuscodes.machinery.tomcat;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Buys a worker thread per refused upload back: a request refused before its body was read (401, 403, 404, 405,
 * 415, 429) is answered and its connection closed at once. Without it Tomcat reads and discards the announced body
 * after the answer, so that the connection can be reused: {@code PATCH /api/users/1}, no token,
 * {@code Content-Length: 100000} and one byte sent kept the connection and its worker for the whole connection
 * timeout (60 s; {@code TomcatRejectionsTest} waits 5 s). A refusal whose body was read (a 422) keeps its connection.
 * The 413 does the same through {@link AbortedUploads}.
 */
@Component
class RefusalsCloseAtOnce implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // On the engine, around the host: a refusal sent as an error page has been rendered by the time it runs.
        factory.addEngineValves(new CloseAfterAnUnreadBody());
    }

    static final class CloseAfterAnUnreadBody extends ValveBase {

        CloseAfterAnUnreadBody() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            getNext().invoke(request, response);
            if (response.getStatus() < 400) {
                return;
            }
            AtomicBoolean fullyRead = new AtomicBoolean(true);
            request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
            if (!fullyRead.get() && !response.isCommitted()) {
                // Say so (a client must not reuse the connection), send the answer, then skip the rest of the body:
                // Tomcat closes the connection once the answer is out. An answer already on its way keeps the
                // connection, and Tomcat reads the rest as usual.
                response.setHeader("Connection", "close");
                response.finishResponse();
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }
}
