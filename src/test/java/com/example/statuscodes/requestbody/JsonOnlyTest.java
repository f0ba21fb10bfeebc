package com.example.statuscodes.requestbody;

import com.example.statuscodes.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC would read and write YAML as well, since springdoc brings a YAML library (Jackson 2's) along. Every
 * endpoint names JSON today, so no request shows the difference: the converters themselves are asked, so that a new
 * endpoint cannot get a second, undocumented format by accident.
 */
@ApiTest
class JsonOnlyTest {

    @Autowired
    RequestMappingHandlerAdapter mvc;

    @Test
    void no_message_converter_reads_or_writes_yaml() {
        assertThat(mvc.getMessageConverters()).isNotEmpty()
                .flatExtracting(HttpMessageConverter::getSupportedMediaTypes)
                .noneMatch(type -> type.getSubtype().endsWith("yaml"));
    }
}
