package com.example.statuscodes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.web.config.EnableSpringDataWebSupport;

import static org.springframework.data.web.config.EnableSpringDataWebSupport.PageSerializationMode.VIA_DTO;

/**
 * A users/admin API whose every response code is the right one, produced in the right layer.
 * The package tree is the architecture: {@code users}, {@code auth}, {@code admin}, {@code ratelimit},
 * {@code web} (request guards), {@code errors} (the one problem+json vocabulary), {@code demo}, {@code docs}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
// Pages are serialised as a stable DTO ({content, page:{size, number, totalElements, totalPages}}),
// not as Spring Data's internal PageImpl.
@EnableSpringDataWebSupport(pageSerializationMode = VIA_DTO)
public class StatusCodesApplication {

    public static void main(String[] args) {
        SpringApplication.run(StatusCodesApplication.class, args);
    }
}
