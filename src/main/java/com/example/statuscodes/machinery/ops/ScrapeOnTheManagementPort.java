package com.example.statuscodes.machinery.ops;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/**
 * Prometheus scrapes without a token, but only on a management port of its own. When a deployment sets
 * {@code management.server.port} (the scale profile, the Docker image), Boot serves the actuator there, on
 * {@code management.server.address} (127.0.0.1 unless configured), and sends those requests through this
 * application's one security filter chain too. {@code auth.SecurityConfig} grants the scrape to admins; this rule,
 * added to the chain before it, lets it through anonymously: with a port of its own, Boot's {@code EndpointRequest}
 * matches only requests that arrived on that port, so the API's port is untouched. Without a management port this
 * bean does not exist and the scrape needs an admin's token wherever it is asked.
 */
@Component
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class ScrapeOnTheManagementPort implements Customizer<HttpSecurity> {

    @Override
    public void customize(HttpSecurity http) {
        http.authorizeHttpRequests(rules -> rules.requestMatchers(EndpointRequest.to("prometheus")).permitAll());
    }
}
