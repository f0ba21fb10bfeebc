package com.example.statuscodes.ratelimit;

import com.example.statuscodes.errors.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The guide's 429 "slow down", with the {@code Retry-After} header it asks for: whole seconds until one more
 * request will be allowed, rounded up and at least 1, so a client that waits that long is sure to get through. Its
 * {@code RateLimit} names the policy that refused the request, with nothing left ({@code r=0}) and {@code t} equal to
 * {@code Retry-After}; it replaces whatever {@code RateLimit} an earlier limiter set on the same answer (the address's
 * login budget, when the account's refuses).
 */
public class RateLimitExceededException extends ErrorResponseException {

    public RateLimitExceededException(RateLimitPolicy refusing, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS);
        long seconds = Math.max(1, retryAfterSeconds);
        setType(ProblemType.RATE_LIMIT.uri());
        setDetail(detail(seconds));
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        getHeaders().set(RateLimitPolicy.LIMIT_HEADER, refusing.limitHeader(0, seconds));
    }

    public static String detail(long seconds) {
        return "Rate limit exceeded; retry in " + seconds + " second" + (seconds == 1 ? "" : "s");
    }
}
