package com.example.statuscodes.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.util.List;

/**
 * A request with a bearer token is limited per user, once the token is verified. A token that fails verification
 * names no user, so without this filter a client could send invalid tokens without limit, and a client already
 * refused with 429 could go on that way. Each invalid token (or malformed {@code Authorization} header) is
 * therefore counted against the client's address, in the same bucket as its anonymous requests; an address with
 * nothing left gets a 429 before its token is even verified.
 * <p>
 * Only addresses that sent an invalid token recently are looked up before verification (a small local set), so
 * a client with a valid token pays nothing here, not even a round trip to a shared bucket store.
 */
class InvalidTokenLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RateLimitPolicy policy;
    private final HandlerExceptionResolver errors;
    private final Cache<String, Boolean> recentlyInvalid;

    InvalidTokenLimitFilter(RateLimiter limiter, RateLimitPolicy policy, long maxClients, HandlerExceptionResolver errors) {
        this.limiter = limiter;
        this.policy = policy;
        this.errors = errors;
        this.recentlyInvalid = Caffeine.newBuilder().maximumSize(maxClients).expireAfterWrite(policy.window()).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = RateLimitConfigurer.clientAddress(request);
        if (recentlyInvalid.getIfPresent(address) != null) {
            RateLimiter.Decision left = limiter.peek(policy, address);
            if (!left.allowed()) {
                response.setHeader(RateLimitPolicy.POLICY_HEADER, RateLimitPolicy.policyHeader(List.of(policy)));
                errors.resolveException(request, response, null, new RateLimitExceededException(policy, left.secondsUntilMore()));
                return;
            }
        }
        chain.doFilter(request, response);
        // A refused credential: every 401, and the 400 for a malformed Authorization header, carry a Bearer challenge.
        if (response.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
            recentlyInvalid.put(address, Boolean.TRUE);
            limiter.tryConsume(policy, address);
        }
    }
}
