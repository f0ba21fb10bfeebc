package com.example.statuscodes.errors;

import com.example.statuscodes.errors.DependencyFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;

/**
 * Two kinds of failure in the security filter chain, outside Spring MVC, would escape to the servlet container and
 * come out as a 500; this filter wraps the chain and hands them to Spring MVC's {@link HandlerExceptionResolver}, so
 * the one advice renders them as it would inside a controller. Anything else goes on to the container unchanged.
 * <ul>
 *   <li>A shared dependency that fails: the bearer-token converter reads the account from the database
 *       ({@code auth.Accounts}, which raises an {@code AuthenticationServiceException} caused by the data-access
 *       failure), and the rate limiter reads its bucket from Redis ({@code ratelimit.RateLimiter}, which raises a
 *       {@code DataAccessResourceFailureException} for a fail-closed policy): 503 + Retry-After.</li>
 *   <li>An exception that carries its own answer ({@link ErrorResponse}): an access rule that reads the user id with
 *       the controller's parser raises that parser's 400 ({@code users.InvalidUserIdException}).</li>
 * </ul>
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1) // just outside Spring Security's filter chain
public class FilterExceptionsToAdvice extends OncePerRequestFilter {

    private final HandlerExceptionResolver resolver;

    public FilterExceptionsToAdvice(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException ex) {
            Exception answerable = ex instanceof ErrorResponse ? ex
                    : DependencyFailures.unreachable(ex) ? dataAccessFailure(ex) : null;
            if (answerable == null || response.isCommitted()) {
                throw ex;
            }
            ModelAndView handled = resolver.resolveException(request, response, null, answerable);
            if (handled == null) {
                throw ex;
            }
        }
    }

    /**
     * The outermost data-access failure in the cause chain (the one the advice answers with 503), else {@code ex}
     * itself: an {@code AuthenticationServiceException} from the bearer-token check is unwrapped to its cause.
     */
    private static Exception dataAccessFailure(Exception ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof TransactionException) {
                return (Exception) cause;
            }
        }
        return ex;
    }
}
