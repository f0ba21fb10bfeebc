package com.example.statuscodes.machinery.ops;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Prometheus' scrape endpoint, {@code /actuator/prometheus}, on a port of its own: a second Tomcat connector on
 * {@code app.metrics.address}:{@code app.metrics.port} (127.0.0.1:8081 unless configured; a negative port turns it
 * off). {@link MetricsPortFilter} keeps the two ports apart: on this one the scrape endpoint is all there is, on
 * the public port it does not exist (404). So the metrics are never served anonymously to the internet, while
 * health stays on the public port where load balancers and the Docker HEALTHCHECK look for it (Boot's
 * {@code management.server.port} would move health too).
 * <p>
 * No dependencies: the web server factory is customised before Spring MVC's beans can be created.
 */
@Component
public class MetricsPort implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    public static final String SCRAPE_PATH = "/actuator/prometheus";

    private final int port;
    private final String address;
    private volatile Connector connector;

    public MetricsPort(@Value("${app.metrics.port:8081}") int port,
                       @Value("${app.metrics.address:127.0.0.1}") String address) {
        this.port = port;
        this.address = address;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (port < 0) {
            return;
        }
        Connector metrics = new Connector();
        metrics.setPort(port);
        metrics.setProperty("address", address);
        factory.addAdditionalConnectors(metrics);
        connector = metrics;
    }

    /** The port actually bound (a configured 0 picks a free one), or -1 when there is none. */
    public int localPort() {
        Connector metrics = connector;
        return metrics != null ? metrics.getLocalPort() : -1;
    }
}
