package com.example.statuscodes.auth;

import com.example.statuscodes.errors.ProblemResponseWriter;
import com.example.statuscodes.ratelimit.RateLimitFilter;
import com.example.statuscodes.ratelimit.RateLimitPolicy;
import com.example.statuscodes.ratelimit.RateLimitProperties;
import com.example.statuscodes.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Who may call what, and where 401, 403 and 429 are born. Read the filter chain top to bottom:
 * <pre>
 *   firewall ............ ";" in the path, control characters     → 400 (firewallRejections; Tomcat itself
 *                         in a header                             refuses an encoded "/" or "%00" first)
 *   login limiter ....... POST /api/auth/token over its budget      → 429, before any token or password work
 *   bearer token ........ expired, forged, alg:none, garbage       → 401 Bearer error="invalid_token"
 *   API limiter ......... per user (per IP when anonymous)          → 429, once we know who is calling
 *   URL rules ........... no token on a protected path              → 401 "Authentication required"
 *                         /api/admin/** without ADMIN              → 403 "Admin access required"
 *   controllers ......... ownership rules (ForbiddenException)     → 403, through the same handler
 * </pre>
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    private static final RequestMatcher HEALTH = pathPattern("/actuator/health/**");
    private static final RequestMatcher LOGIN = pathPattern(HttpMethod.POST, TokenController.PATH);
    private static final RequestMatcher ADMIN = pathPattern("/api/admin/**");

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponseWriter writer,
                                    AccountJwtAuthenticationConverter jwtAuthenticationConverter,
                                    RateLimitProperties rateLimits, RateLimiter limiter) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(writer);
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
                        .requestMatchers(LOGIN).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/users").permitAll() // sign-up
                        .requestMatchers(HEALTH).permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(ADMIN).hasRole("ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
                        .authenticationEntryPoint(entryPoint)
                        // RFC 9728 metadata, linked from every 401's WWW-Authenticate: say only what is true.
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                resource -> resource.resourceName("HTTP status codes reference API")
                                        .tlsClientCertificateBoundAccessTokens(false))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .defaultAccessDeniedHandlerFor(
                                new ProblemAccessDeniedHandler(writer, "Admin access required"), ADMIN)
                        .defaultAccessDeniedHandlerFor(
                                new ProblemAccessDeniedHandler(writer, "You are not allowed to do this"),
                                AnyRequestMatcher.INSTANCE));
        if (rateLimits.enabled()) {
            // Login limit: before the bearer filter and long before the controller's bcrypt check, so a
            // brute force is refused for the price of a map look-up.
            http.addFilterAfter(new RateLimitFilter(limiter,
                    RateLimitPolicy.perMinute("login", rateLimits.loginAttemptsPerMinute()),
                    LOGIN, RateLimitFilter::clientIp, writer), HeaderWriterFilter.class);
            // API limit: after the token is verified, so the bucket is the user's, whatever IP they use;
            // anonymous callers share their IP's bucket. Before the URL rules, so a flood of anonymous 401s is
            // limited too (a request with an invalid token is refused by the bearer filter before it gets here).
            http.addFilterAfter(new RateLimitFilter(limiter,
                    RateLimitPolicy.perMinute("default", rateLimits.requestsPerMinute()),
                    new NegatedRequestMatcher(new OrRequestMatcher(HEALTH, LOGIN)),
                    SecurityConfig::userOrIp, writer), BearerTokenAuthenticationFilter.class);
        }
        return http.build();
    }

    private static String userOrIp(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token
                ? "user:" + token.getToken().getSubject()
                : RateLimitFilter.clientIp(request);
    }

    /** Spring Security's firewall refuses suspicious URLs; answer with a problem, not an empty 400. */
    @Bean
    WebSecurityCustomizer firewallRejections(ProblemResponseWriter writer) {
        return web -> web.requestRejectedHandler((request, response, rejected) -> writer.write(request, response,
                HttpStatus.BAD_REQUEST, "The request contains characters that are not allowed in a URL or header"));
    }

    /** bcrypt today; the {id} prefix lets a stronger encoder take over without breaking old hashes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
