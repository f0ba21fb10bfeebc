package com.example.statuscodes.ratelimit;

import com.example.statuscodes.errors.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.function.Function;

/**
 * Applies one {@link RateLimitPolicy}. Every answer under the policy carries the IETF {@code RateLimit-Policy}
 * and {@code RateLimit} headers; over the limit the answer is the guide's 429 with {@code Retry-After}.
 * Not a {@code @Component}: {@code SecurityConfig} places each instance in the security filter chain.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RateLimitPolicy policy;
    private final RequestMatcher appliesTo;
    private final Function<HttpServletRequest, String> clientKey;
    private final ProblemResponseWriter writer;

    public RateLimitFilter(RateLimiter limiter, RateLimitPolicy policy, RequestMatcher appliesTo,
                           Function<HttpServletRequest, String> clientKey, ProblemResponseWriter writer) {
        this.limiter = limiter;
        this.policy = policy;
        this.appliesTo = appliesTo;
        this.clientKey = clientKey;
        this.writer = writer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !appliesTo.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Decision decision = limiter.tryConsume(policy, clientKey.apply(request));
        response.setHeader("RateLimit-Policy", policy.policyHeader());
        response.setHeader("RateLimit",
                "\"" + policy.name() + "\";r=" + decision.remaining() + ";t=" + decision.secondsUntilFull());
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, decision.retryAfterSeconds());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        writer.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                "Rate limit exceeded; retry in " + retryAfter + " second" + (retryAfter == 1 ? "" : "s"));
    }

    /** The socket's peer. X-Forwarded-For counts only when the operator sets server.forward-headers-strategy. */
    public static String clientIp(HttpServletRequest request) {
        return "ip:" + request.getRemoteAddr();
    }
}
