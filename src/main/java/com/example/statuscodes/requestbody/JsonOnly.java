package com.example.statuscodes.requestbody;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;

/**
 * The API speaks JSON, in UTF-8.
 * <ul>
 *   <li>Spring MVC would also read and write YAML because a YAML library is on the class path (a dependency of
 *       springdoc); without this, {@code Content-Type: application/yaml} would be a second, undocumented input
 *       format, and {@code Accept: application/yaml} a second output format.</li>
 *   <li>The parameters of an {@code Accept} range other than {@code q} are ignored: Spring would copy them into the
 *       answer's Content-Type ({@code application/json;version=9}), a type the API never produces. A {@code charset}
 *       above all: JSON defines none (RFC 8259 §8.1: it is UTF-8), and honouring {@code application/json;charset=utf-16}
 *       would fail only when the answer is written, after a write was already committed: a saved change answered
 *       with a 500.</li>
 *   <li>A range with {@code q=0} is "not acceptable" ({@link AcceptedTypes}).</li>
 * </ul>
 * Multipart parsing is switched off too ({@code spring.servlet.multipart.enabled=false}): the API takes no uploads,
 * so a multipart body is one more Content-Type it does not read (415), not a parser that can fail (500).
 */
@Configuration
class JsonOnly implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(converter -> converter
                .getSupportedMediaTypes().stream()
                .anyMatch(type -> type.getSubtype().endsWith("yaml")))); // not isCompatibleWith: */* would match
    }

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(ACCEPT));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // First: Spring's own 406 comes at routing, before any interceptor; a q=0 refusal is the same answer.
        registry.addInterceptor(new AcceptedTypes(ACCEPT)).order(Ordered.HIGHEST_PRECEDENCE);
    }

    /** The Accept header as ranges and their {@code q} alone; read by Spring's negotiation and {@link AcceptedTypes}. */
    private static final ContentNegotiationStrategy ACCEPT = new HeaderContentNegotiationStrategy() {
        @Override
        public List<MediaType> resolveMediaTypes(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
            return super.resolveMediaTypes(request).stream().map(JsonOnly::qualityOnly).toList();
        }
    };

    private static MediaType qualityOnly(MediaType range) {
        String q = range.getParameter("q");
        return new MediaType(range.getType(), range.getSubtype(), q == null ? Map.of() : Map.of("q", q));
    }
}
