package com.example.statuscodes.parameters;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * A {@code @RequestParam} that takes one value (not a collection, array or map) and is sent more than once is a 400
 * naming it, before anything is bound: Spring would take the first value and drop the rest, so
 * {@code size=1&size=500} sidestepped the 400 for {@code size=500}. One that has a default and is sent empty
 * ({@code page=}) is a 400 too, as it is without a default ({@code size=}): Spring would bind the default.
 * Headers follow the same rule: {@link SingleValuedHeaders}.
 * <p>
 * The query is read here first, for any operation that takes parameters: one the container cannot decode (a
 * {@code %} that starts no escape, bytes that are not UTF-8) is a 400 too. Since Servlet 6.1 the container throws
 * {@code IllegalStateException} from {@code getParameter*} then (Tomcat's {@code InvalidParameterException}), which
 * the advice would have answered as an unexpected 500.
 */
@Configuration
class SingleValuedParameters implements WebMvcConfigurer, HandlerInterceptor {

    private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            if (Arrays.stream(method.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestParam.class))) {
                try {
                    request.getParameterMap();
                } catch (IllegalStateException undecodable) {
                    throw new MalformedQueryException(undecodable);
                }
            }
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && singleValued(parameter.getParameterType())) {
                    String name = StringUtils.hasText(param.name()) ? param.name()
                            : names.getParameterNames(method.getMethod())[parameter.getParameterIndex()];
                    String[] values = request.getParameterValues(name);
                    if (values != null && values.length > 1) {
                        throw new RepeatedParameterException(name);
                    }
                    if (values != null && values[0].isEmpty() && !ValueConstants.DEFAULT_NONE.equals(param.defaultValue())) {
                        throw new EmptyParameterException(name, parameter.getParameterType());
                    }
                }
            }
        }
        return true;
    }

    private static boolean singleValued(Class<?> type) {
        return !type.isArray() && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type);
    }
}
