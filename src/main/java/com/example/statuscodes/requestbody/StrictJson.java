package com.example.statuscodes.requestbody;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read: exactly what the client sent, or a 400 naming the field
 * ({@code errors.ApiExceptionHandler#handleHttpMessageNotReadable}); never a silent guess, a stack overflow or a 500.
 * <ul>
 *   <li>Limits: JSON has none of its own, so the parser gets some. A document beyond them (100 000 nested arrays,
 *       a 100 000-character string, a 2 000-digit number) fails while parsing. No field of this API needs more
 *       than a few hundred characters.</li>
 *   <li>No coercion: {@code "age": "31"}, {@code "age": 1.5}, {@code "name": 123}, {@code "role": 0} are values of
 *       the wrong type, not 31, 1, "123" or the first role.</li>
 *   <li>No silent loss: an unknown field (a typo such as {@code "nmae"}) and a field sent twice are refused, instead
 *       of dropping one value without a word.</li>
 *   <li>One reading: a string is Unicode text ({@link UnicodeStrings}: no unpaired surrogate, which every encoder
 *       downstream reads its own way), and an enum is its exact name ({@link ExactEnums}: {@code " ADMIN"} is no
 *       role).</li>
 * </ul>
 */
@Configuration
class StrictJson {

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_STRING_LENGTH = 10_000;
    static final int MAX_NUMBER_LENGTH = 100;

    @Bean
    JsonFactoryBuilderCustomizer jsonReadLimits() {
        return factory -> factory
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    @Bean
    JsonMapperBuilderCustomizer noCoercionNoUnknownFields() {
        return mapper -> mapper
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS) // "31" is no integer, "true" no boolean
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 1.5 is no integer
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS) // 0 is no role
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new SimpleModule("one-reading")
                        .addDeserializer(String.class, new UnicodeStrings())
                        .setDeserializerModifier(new ExactEnums()))
                .withCoercionConfig(LogicalType.Textual, text -> text // 123, 1.5 and true are no strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
