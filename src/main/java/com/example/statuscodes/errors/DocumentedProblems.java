package com.example.statuscodes.errors;

import org.springframework.http.HttpStatus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses an operation can answer, for the OpenAPI description. {@code openapi.OpenApiConfig} turns each
 * into a problem+json response with the guide's example body and the headers that belong to it, and adds
 * 429 and 500 to every operation. {@code OpenApiContractTest} fails when this list and the statuses the
 * spec tests actually observe drift apart.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface DocumentedProblems {

    HttpStatus[] value();
}
