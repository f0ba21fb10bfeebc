package com.example.statuscodes.ratelimit;

import com.example.statuscodes.auth.TokenController;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * When the two limits run, in the security filter chain. Spring Security applies every
 * {@code Customizer<HttpSecurity>} bean to the chain it builds, so {@code auth.SecurityConfig} keeps only the
 * access rules and this class places the limiters:
 * <pre>
 *   HeaderWriterFilter
 *   login limiter ........ POST /api/auth/token, per client address   → 429 before any password is checked
 *                          (and per account: AccountLoginLimit, asked by auth.TokenService)
 *   invalid-token limit .. a token that fails verification counts against its address → 429 once it is spent
 *   BearerTokenAuthenticationFilter (401 for a bad token)
 *   API limiter .......... all else but actuator and health, per user → 429, once we know who is calling
 *   ... URL rules (401 without a token, 403)
 * </pre>
 */
@Component
class RateLimitConfigurer implements Customizer<HttpSecurity> {

    private static final RequestMatcher LOGIN = pathPattern(HttpMethod.POST, TokenController.PATH);

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final RateLimitProperties properties;
    private final RateLimiter limiter;
    private final HandlerExceptionResolver errors;

    RateLimitConfigurer(RateLimitProperties properties, RateLimiter limiter,
                        @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
        this.properties = properties;
        this.limiter = limiter;
        this.errors = errors;
    }

    @Override
    public void customize(HttpSecurity http) {
        if (!properties.enabled()) {
            return;
        }
        // Login limit: before the bearer filter and long before the controller's bcrypt check, so a brute force
        // is refused for the price of a map look-up.
        http.addFilterAfter(new RateLimitFilter(limiter,
                RateLimitPolicy.perMinute("login", properties.loginAttemptsPerMinute()),
                List.of(AccountLoginLimit.policy(properties)), LOGIN, RateLimitConfigurer::clientAddress, errors),
                HeaderWriterFilter.class);
        // Invalid tokens: counted against the client's address in the API limit's bucket, since they name no user.
        RateLimitPolicy api = RateLimitPolicy.perMinute("default", properties.requestsPerMinute());
        http.addFilterBefore(new InvalidTokenLimitFilter(limiter, api, properties.maxClients(), errors), BearerTokenAuthenticationFilter.class);
        // API limit: after the token is verified, so the bucket is the user's, whatever address they use;
        // anonymous callers share their address's bucket. Before the URL rules, so a flood of anonymous 401s is
        // limited too (a request with an invalid token is refused by the bearer filter before it gets here).
        // Not the actuator, on whichever port it is, nor health's /livez and /readyz: load balancers and
        // Prometheus poll them. Boot's matchers, one set per context: they remember the first context they see.
        RequestMatcher actuator = new OrRequestMatcher(EndpointRequest.toAnyEndpoint(),
                EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, "health"));
        http.addFilterAfter(new RateLimitFilter(limiter, api, List.of(),
                new NegatedRequestMatcher(new OrRequestMatcher(actuator, LOGIN)),
                RateLimitConfigurer::userOrAddress, errors), BearerTokenAuthenticationFilter.class);
    }

    /** A signed-in caller by user id (the principal's name), anyone else by address. */
    private static String userOrAddress(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return TRUST.isAuthenticated(authentication) ? "user:" + authentication.getName()
                : clientAddress(request);
    }

    /**
     * The socket's peer; X-Forwarded-For counts only when the operator sets server.forward-headers-strategy.
     * An IPv6 client is keyed by its /64 network: one host commonly holds a whole /64, and would otherwise
     * get a fresh bucket for every address it picks from it.
     */
    static String clientAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address.indexOf(':') >= 0) {
            try {
                byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no DNS look-up
                if (bytes.length == 16) {
                    return "ip6:" + HexFormat.of().formatHex(bytes, 0, 8);
                }
            } catch (UnknownHostException notAnAddress) {
                // fall through: key by the text as given
            }
        }
        return "ip:" + address;
    }
}
