package com.example.statuscodes.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code Allow} lists for a resource, the same on its 405 and on {@code OPTIONS}: RFC 9110 §15.5.6 makes a 405's
 * {@code Allow} the resource's methods, and {@code OPTIONS} is where a client asks for them. So a 405 lists
 * {@code HEAD} wherever {@code GET} works and {@code OPTIONS} itself, as Spring's {@code OPTIONS} answer does, and both
 * list them in one order ({@link #ORDER}): Spring finds them in its mapping registry, a hash map whose order changes
 * from one start to the next, so a client or a cache comparing two answers would see a different header.
 */
@Component
public class AllowedMethods implements WebMvcConfigurer {

    /** The reads, then the writes from creating via changing a part and replacing the whole to removing, then OPTIONS. */
    public static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PATCH", "PUT", "DELETE", "OPTIONS", "TRACE");

    private static final Comparator<String> IN_ORDER = Comparator.comparingInt(
            (String method) -> ORDER.contains(method) ? ORDER.indexOf(method) : ORDER.size())
            .thenComparing(Comparator.naturalOrder());

    /** The {@code Allow} value of a resource whose routes map these methods (a method outside {@link #ORDER} comes last). */
    public static String allow(Collection<String> mapped) {
        Set<String> methods = new LinkedHashSet<>(mapped);
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return methods.stream().sorted(IN_ORDER).collect(Collectors.joining(", "));
    }

    /**
     * Spring's own answer to {@code OPTIONS}, its {@code Allow} put in {@link #ORDER}, and without the empty
     * {@code Accept-Patch} it sends for a resource that takes no PATCH (RFC 5789 §3.1: the header names at least one
     * media type; a null value removes a header, Servlet 6.1).
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   ModelAndView modelAndView) {
                String allow = response.getHeader(HttpHeaders.ALLOW);
                if ("OPTIONS".equals(request.getMethod()) && allow != null && !response.isCommitted()) {
                    response.setHeader(HttpHeaders.ALLOW, allow(Arrays.stream(allow.split(","))
                            .map(String::strip).filter(method -> !method.isEmpty()).toList()));
                    if ("".equals(response.getHeader(HttpHeaders.ACCEPT_PATCH))) {
                        response.setHeader(HttpHeaders.ACCEPT_PATCH, null);
                    }
                }
            }
        });
    }
}
