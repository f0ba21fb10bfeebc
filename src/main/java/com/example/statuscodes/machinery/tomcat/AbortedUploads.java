package com.example.statuscodes.machinery.tomcat;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * After a 413 ({@code requestbody.RequestBodySizeFilter}), or any other refusal of a request whose body was not read
 * ({@link RefusedUnreadBodies}), the connection closes at once instead of waiting for the body.
 * <p>
 * By default Tomcat, after the response, reads and discards ("swallows") the unread rest of a request body, up
 * to {@code server.tomcat.max-swallow-size} (2 MB), so that the connection can be reused. For a body we refused
 * unread, that means waiting for bytes the client may never send: {@code Content-Length: 2000000} and no body
 * held the socket and its worker thread until the 60 s connection timeout, and a handful of such requests tied up
 * every worker. With {@code swallowAbortedUploads=false}, Tomcat's {@code Request.finishRequest()} disables the
 * swallow whenever the status is 413, and the connection (already marked {@code Connection: close}, as Tomcat
 * does for every 413) is closed as soon as the problem is written.
 * <p>
 * The trade-off: a client that is still sending a large body when the connection closes may see a reset instead
 * of the 413 (RFC 9112, section 9.6). curl, httpyac and Node's {@code fetch} read the 413 anyway; a client that
 * insists on writing the whole body before reading does not: Stoplight Prism's proxy answers nothing then (see
 * {@code .ci/contract-check}), and a reverse proxy may turn it into a 502. Clients that send
 * {@code Expect: 100-continue} get the 413 before sending anything.
 */
@Component
public class AbortedUploads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(false));
        factory.addEngineValves(new RefusedUnreadBodies());
        // Expect: 100-continue gets its 100 only when the application reads the body, so a body over the limit is
        // refused with the 413 before the client sends it (RFC 9110, section 10.1.1), not after.
        factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }
}
