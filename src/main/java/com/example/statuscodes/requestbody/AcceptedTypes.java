package com.example.statuscodes.requestbody;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * RFC 9110 §12.5.1: a media range with {@code q=0} means "not acceptable", and the most specific range that matches
 * a type decides its weight ({@code *}{@code /*, application/json;q=0} refuses JSON). Spring matches ranges without
 * looking at {@code q}, so {@code Accept: application/json;q=0} was answered in JSON; here, when no type the operation
 * produces has a weight above 0, it is a 406 before the handler runs (a write refused changes nothing).
 */
class AcceptedTypes implements HandlerInterceptor {

    private final ContentNegotiationStrategy accept;

    AcceptedTypes(ContentNegotiationStrategy accept) {
        this.accept = accept;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        @SuppressWarnings("unchecked")
        Set<MediaType> producible = (Set<MediaType>) request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        if (producible == null || producible.isEmpty()) {
            return true;
        }
        List<MediaType> ranges = accept.resolveMediaTypes(new ServletWebRequest(request));
        if (producible.stream().noneMatch(type -> weight(type, ranges) > 0)) {
            throw new HttpMediaTypeNotAcceptableException(List.copyOf(producible));
        }
        return true;
    }

    /** The q of the most specific range that includes {@code type}; 0 when none does. */
    static double weight(MediaType type, List<MediaType> ranges) {
        return ranges.stream().filter(range -> range.includes(type))
                .max(Comparator.comparingInt(AcceptedTypes::specificity))
                .map(MediaType::getQualityValue).orElse(0.0);
    }

    private static int specificity(MediaType range) {
        return range.isWildcardType() ? 0 : range.getSubtype().equals("*") ? 1 : range.isWildcardSubtype() ? 2 : 3;
    }
}
