package com.example.statuscodes.machinery.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

import java.net.InetAddress;

/**
 * Prometheus scrapes without a token, but only on a management port of its own bound to the loopback interface.
 * When a deployment sets {@code management.server.port} (the scale profile, the Docker image), Boot serves the
 * actuator there, on {@code management.server.address}, and sends those requests through this application's one
 * security filter chain too. {@code auth.SecurityConfig} grants the scrape to admins; this rule, added to the chain
 * before it, lets it through anonymously: with a port of its own, Boot's {@code EndpointRequest} matches only requests
 * that arrived on that port, so the API's port is untouched. Fails closed: on any other address (unset means every
 * interface) the port may be reachable from elsewhere, so the scrape keeps needing an admin's token there, as it
 * does without a management port.
 */
@Component
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class ScrapeOnTheManagementPort implements Customizer<HttpSecurity> {

    private static final Logger log = LoggerFactory.getLogger(ScrapeOnTheManagementPort.class);

    private final InetAddress address;

    ScrapeOnTheManagementPort(ManagementServerProperties management) {
        this.address = management.getAddress();
    }

    @Override
    public void customize(HttpSecurity http) {
        if (address == null || !address.isLoopbackAddress()) {
            log.info("management.server.address is {}, not a loopback address: the Prometheus scrape needs an admin's"
                    + " token on the management port too", address == null ? "unset (every interface)" : address);
            return;
        }
        http.authorizeHttpRequests(rules -> rules.requestMatchers(EndpointRequest.to("prometheus")).permitAll());
    }
}
