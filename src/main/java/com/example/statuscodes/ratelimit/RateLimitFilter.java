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
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
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

    /**
     * The socket's peer; X-Forwarded-For counts only when the operator sets server.forward-headers-strategy.
     * An IPv6 client is keyed by its /64 network: one host commonly holds a whole /64, and would otherwise
     * get a fresh bucket for every address it picks from it.
     */
    public static String clientIp(HttpServletRequest request) {
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
