package com.example.statuscodes.ratelimit;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Where the limiters go in the security chain. The chain is built once per application context, so its wiring is
 * asked here directly; the 429 spec shows each limiter at work.
 */
class RateLimitConfigurerTest {

    private final RateLimiter limiter = mock(RateLimiter.class);
    private final HttpSecurity http = mock(HttpSecurity.class);

    private RateLimitConfigurer configurer(boolean enabled) {
        return new RateLimitConfigurer(new RateLimitProperties(enabled, 100, 10, 1_000), limiter,
                mock(HandlerExceptionResolver.class));
    }

    @Test
    void enabled_the_login_limit_follows_the_header_writer_and_the_two_api_limits_surround_the_bearer_filter() {
        configurer(true).customize(http);

        InOrder order = inOrder(http);
        order.verify(http).addFilterAfter(any(RateLimitFilter.class), eq(HeaderWriterFilter.class));
        order.verify(http).addFilterBefore(any(InvalidTokenLimitFilter.class), eq(BearerTokenAuthenticationFilter.class));
        order.verify(http).addFilterAfter(any(RateLimitFilter.class), eq(BearerTokenAuthenticationFilter.class));
        order.verifyNoMoreInteractions();
    }

    @Test
    void disabled_the_chain_is_left_alone() {
        configurer(false).customize(http);

        verifyNoInteractions(http);
    }
}
