package com.example.statuscodes.web;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DeserializationFeature;

/**
 * JSON has no size limits of its own, so the parser gets some. A document beyond them (100 000 nested
 * arrays, a 100 000-character string, a 2 000-digit number) fails while parsing and becomes a 400
 * ({@code errors.ApiExceptionHandler#handleHttpMessageNotReadable}), never a stack overflow or a 500.
 * No field of this API needs more than a few hundred characters.
 */
@Configuration
class JsonLimits {

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_STRING_LENGTH = 10_000;
    static final int MAX_NUMBER_LENGTH = 100;

    @Bean
    JsonFactoryBuilderCustomizer jsonReadLimits() {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
    }

    /** Never coerce silently: {@code "age": 1.5} is a 400, not 1. */
    @Bean
    JsonMapperBuilderCustomizer strictNumbers() {
        return mapper -> mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
