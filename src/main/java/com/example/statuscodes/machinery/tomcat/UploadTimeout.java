package com.example.statuscodes.machinery.tomcat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * A read of the request body waits at most {@code app.request-body-timeout} (10 s) for the client, not the
 * connection timeout (60 s): {@code requestbody.RequestBodySizeFilter} checks the body's total deadline after every
 * read, so a read that blocks must not outlast it by much. Tomcat's {@code connectionUploadTimeout} is that wait
 * once the headers are in ({@code disableUploadTimeout=false} switches it on); a read that times out is answered
 * with the 408. A body therefore takes at most twice the timeout: a byte just before the deadline, then silence.
 */
@Component
class UploadTimeout implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final Duration timeout;

    UploadTimeout(@Value("${app.request-body-timeout:10s}") Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("disableUploadTimeout", "false");
            connector.setProperty("connectionUploadTimeout", Long.toString(timeout.toMillis()));
        });
    }
}
