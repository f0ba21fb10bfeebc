package com.example.statuscodes.users;

import com.example.statuscodes.admin.AdminSettingsStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The admin setting {@code signupsEnabled}, enforced on {@code POST /api/users} before the body is read: while
 * sign-ups are closed, a sign-up is a 403 whatever its body, answered at once (a refusal that waited for the body
 * would let anyone hold a connection for the body's deadline). An interceptor, like {@link RequireIfMatch}: after the
 * security chain, which knows the caller, and before MVC reads the body. The service checks the same rule again.
 */
@Configuration
class SignupsOpen implements WebMvcConfigurer, HandlerInterceptor {

    private final AdminSettingsStore settings;

    SignupsOpen(AdminSettingsStore settings) {
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/users");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("POST".equals(request.getMethod())) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            Caller caller = authentication != null && authentication.getPrincipal() instanceof Caller signedIn ? signedIn : null;
            SignupsClosedException.check(caller, settings.current().signupsEnabled());
        }
        return true;
    }
}
