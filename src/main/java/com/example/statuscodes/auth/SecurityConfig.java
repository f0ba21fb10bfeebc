package com.example.statuscodes.auth;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Who may call what: the access rules, and nothing else. Read top to bottom, a request meets
 * <pre>
 *   firewall ............ ";" in the path, control characters     → 400 (Tomcat itself refuses an encoded
 *                         in a header                             "/" or "%00" first)
 *   login limiter ....... see ratelimit.RateLimitConfigurer          → 429
 *   bearer token ........ "Bearer" alone, two credentials, a token  → 400 Bearer error="invalid_request"
 *                         with characters outside b64token
 *                         expired, forged, alg:none, garbage       → 401 Bearer error="invalid_token"
 *                         issued before a password or role change  → 401 Bearer error="invalid_token"
 *   API limiter ......... see ratelimit.RateLimitConfigurer          → 429
 *   URL rules ........... no token on a protected path              → 401 "Authentication required"
 *                         /api/admin/** without ADMIN              → 403 "Admin access required"
 *                         /actuator/prometheus without ADMIN       → 403 "Admin access required"
 *                         a write on someone else's account        → 403 (AccessRules, before the body is read)
 *                         an id spelled any way but 42             → 400 naming id (the controller's own parser)
 * </pre>
 * None of these writes a response: {@link SecurityErrors} hands every refusal to the one advice.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    private static final String USER = "/api/users/{id}";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityErrors errors,
                                    AccountJwtAuthenticationConverter jwtAuthenticationConverter,
                                    @Value("${app.public-base-url}") String publicBaseUrl) throws Exception {
        http
                // The only credential is a bearer header a browser never sends on its own, so there is no
                // ambient authority for a cross-site request to ride on: CSRF protection has nothing to do.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, TokenController.PATH).permitAll() // log in
                        .requestMatchers(HttpMethod.POST, "/api/users").permitAll() // sign up
                        // Health, for load balancers: /actuator/health, and /livez and /readyz on the API's port
                        // even when the actuator has a port of its own (management.server.port).
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .requestMatchers(EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, "health")).permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/problems/**", "/error").permitAll()
                        .requestMatchers("/docs/**").permitAll() // the walkthrough (openapi.GuidePage)
                        .requestMatchers("/api/admin/**").access(AccessRules.adminOnly())
                        // Prometheus' scrape: every route's traffic and errors, not for anyone to read. A separate,
                        // loopback-only management port lets it through without a token (docs/operations.md).
                        .requestMatchers(EndpointRequest.to("prometheus")).access(AccessRules.adminOnly())
                        .requestMatchers(HttpMethod.PUT, USER).access(AccessRules.ownAccountOrAdmin())
                        .requestMatchers(HttpMethod.PATCH, USER).access(AccessRules.ownAccountOrAdmin())
                        .requestMatchers(HttpMethod.DELETE, USER).access(AccessRules.ownAccountOrAdmin())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new StrictBearerTokenResolver())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
                        .authenticationEntryPoint(errors)
                        // RFC 9728 metadata, linked from every 401's WWW-Authenticate: say only what is true, and
                        // name the resource by its configured address, not by whatever Host header a client sent.
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                resource -> resource.resource(publicBaseUrl)
                                        .resourceName("HTTP status codes reference API")
                                        .tlsClientCertificateBoundAccessTokens(false))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors));
        return http.build();
    }

    @Bean
    SecurityErrors securityErrors(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        return new SecurityErrors(resolver);
    }

    /** The firewall's rejections (";" in a path, a control character in a header) go to the advice too. */
    @Bean
    WebSecurityCustomizer firewallRejections(SecurityErrors errors) {
        return web -> web.requestRejectedHandler(errors);
    }

    /**
     * Spring Security's own observations are off (application.properties); this also stops it wrapping each of its
     * filters, and the authentication and authorization managers, in an observation that would record nothing.
     * The metrics by status ({@code http.server.requests}) come from MVC's filter and stay on.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** bcrypt today; the {id} prefix lets a stronger encoder take over without breaking old hashes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
