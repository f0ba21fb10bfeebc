package com.example.statuscodes.users;

import com.example.statuscodes.admin.AdminSettingsStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Set;

/**
 * The admin setting {@code requireIfMatch}, enforced on {@code PUT, PATCH, DELETE /api/users/{id}}: a write without
 * {@code If-Match} is a 428. An interceptor runs after the security chain (so a caller who may not write there
 * still gets 401/403) and before the body is read, so the answer does not depend on the body.
 */
@Configuration
class RequireIfMatch implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> WRITES = Set.of("PUT", "PATCH", "DELETE");

    private final AdminSettingsStore settings;

    RequireIfMatch(AdminSettingsStore settings) {
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/users/*");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (WRITES.contains(request.getMethod()) && request.getHeader(HttpHeaders.IF_MATCH) == null
                && settings.current().requireIfMatch()) {
            throw new PreconditionRequiredException();
        }
        return true;
    }
}
