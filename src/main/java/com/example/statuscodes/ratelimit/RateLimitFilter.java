package com.example.statuscodes.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Applies one {@link RateLimitPolicy}. Every answer under the policy carries the IETF {@code RateLimit-Policy}
 * and {@code RateLimit} headers (draft-ietf-httpapi-ratelimit-headers-10: {@code r} requests remain, more in
 * {@code t} seconds; a 429's {@code Retry-After} is that same {@code t}, never earlier); over the limit the request goes no further and a
 * {@link RateLimitExceededException} is handed to the one advice, which answers the guide's 429.
 * Not a {@code @Component}: {@link RateLimitConfigurer} places each instance in the security filter chain.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RateLimitPolicy policy;
    private final String policies;
    private final RequestMatcher appliesTo;
    private final Function<HttpServletRequest, String> clientKey;
    private final HandlerExceptionResolver errors;

    /** @param alsoApplying policies checked further on (the account's on a login), announced in {@code RateLimit-Policy} */
    RateLimitFilter(RateLimiter limiter, RateLimitPolicy policy, List<RateLimitPolicy> alsoApplying, RequestMatcher appliesTo,
                    Function<HttpServletRequest, String> clientKey, HandlerExceptionResolver errors) {
        this.limiter = limiter;
        this.policy = policy;
        this.policies = RateLimitPolicy.policyHeader(Stream.concat(Stream.of(policy), alsoApplying.stream()).toList());
        this.appliesTo = appliesTo;
        this.clientKey = clientKey;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !appliesTo.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Decision decision = limiter.tryConsume(policy, clientKey.apply(request));
        response.setHeader(RateLimitPolicy.POLICY_HEADER, policies);
        if (decision.allowed()) {
            response.setHeader(RateLimitPolicy.LIMIT_HEADER, policy.limitHeader(decision.remaining(), decision.secondsUntilMore()));
            chain.doFilter(request, response);
        } else {
            errors.resolveException(request, response, null, new RateLimitExceededException(policy, decision.secondsUntilMore()));
        }
    }
}
