package com.example.statuscodes.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The API speaks JSON. Spring MVC would also read and write YAML because a YAML library is on the class path
 * (a dependency of springdoc); without this, {@code Content-Type: application/yaml} would be a second,
 * undocumented input format, and {@code Accept: application/yaml} a second output format.
 */
@Configuration
class JsonOnly implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter.getSupportedMediaTypes().stream()
                .anyMatch(type -> type.getSubtype().endsWith("yaml"))); // not isCompatibleWith: */* would match
    }
}
