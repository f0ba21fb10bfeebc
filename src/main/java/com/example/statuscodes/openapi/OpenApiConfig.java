package com.example.statuscodes.openapi;

import com.example.statuscodes.errors.DocumentedProblems;
import com.example.statuscodes.idempotency.Idempotency;
import com.example.statuscodes.idempotency.Idempotent;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import com.example.statuscodes.users.UserId;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.HandlerMethod;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OpenAPI at {@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}. The error responses are added in
 * one place ({@link #problemResponses()}) from each operation's {@link DocumentedProblems}, instead of
 * {@code @ApiResponse} annotations repeated on every method.
 */
@Configuration
public class OpenApiConfig {

    static final String BEARER = "bearerAuth";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String REQUEST_ID = "X-Request-Id";
    static final String REQUEST_ID_EXAMPLE = "5d0f8a4e-6c1b-4f0e-9d4e-2f7c1a9b3e21";
    private static final String IDEMPOTENCY_KEY_EXAMPLE = "0b6c4a3e-2f1d-4e8a-9c7b-5d3e1f0a2b4c";

    /** The server URL is the configured public address ({@code app.public-base-url}), not the request's Host header. */
    @Bean
    OpenAPI api(@Value("${app.public-base-url}") String publicBaseUrl) {
        return new OpenAPI()
                .addServersItem(new Server().url(publicBaseUrl))
                .info(new Info().title("HTTP status codes reference API").version("0.1.0")
                        .description("Every response code of the guide, from the right layer, as RFC 9457 problem+json."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("POST /api/auth/token, then paste the access_token")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Controllers implement an interface that holds only their OpenAPI annotations ({@code users.UsersApi}); the
     * constraints ({@code @Valid}, {@code @Min}) stay on the controller, where MVC validates them. Bean Validation
     * forbids constraints on the parameters of a method that overrides another (HV000151) unless this is allowed;
     * the interfaces declare none, so no contract is weakened.
     */
    @Bean
    ValidationConfigurationCustomizer constraintsOnControllersThatImplementTheirApiDescription() {
        return configuration -> configuration.addProperty(
                HibernateValidatorConfiguration.ALLOW_PARAMETER_CONSTRAINT_OVERRIDE, "true");
    }

    /** Alice in the demo data: the examples read, replace and patch her with what she already has. */
    static final long EXAMPLE_USER_ID = 1;
    /** Dave in the demo data, a user who cannot log in: the one an example DELETE may remove. */
    static final long EXAMPLE_DELETED_USER_ID = 5;

    /**
     * A user id in a path is a number spelled one way only ({@link UserId}): say so, not just "string". Its example is
     * a demo user that the operation can really act on (the admin, id 2, cannot be deleted: the last admin's 409).
     */
    @Bean
    ParameterCustomizer userIdParameter() {
        return (parameter, methodParameter) -> {
            if (parameter != null && methodParameter.getParameterType() == UserId.class) {
                boolean delete = methodParameter.hasMethodAnnotation(DeleteMapping.class);
                parameter.schema(new IntegerSchema().format("int64").minimum(BigDecimal.ONE))
                        .example(delete ? EXAMPLE_DELETED_USER_ID : EXAMPLE_USER_ID)
                        .description("Plain decimal digits: no sign, leading zero, space or prefix; any other spelling is a 400");
            }
            return parameter;
        };
    }

    /**
     * An {@link Idempotent} operation takes an optional {@code Idempotency-Key} header, and its success may be a replay.
     * Added here because the controller method never sees the header ({@code idempotency.IdempotentRequests} does).
     */
    @Bean
    OperationCustomizer idempotencyKeyHeader() {
        return (operation, handler) -> {
            if (handler.getMethodAnnotation(Idempotent.class) == null) {
                return operation;
            }
            operation.addParametersItem(new HeaderParameter().name(Idempotency.HEADER).required(false)
                    .schema(new StringSchema().minLength(1).maxLength(Idempotency.KEY_MAX_LENGTH)
                            .pattern(Idempotency.KEY_PATTERN))
                    .example(IDEMPOTENCY_KEY_EXAMPLE)
                    .description("Any unique value, e.g. a UUID: send the same request again with it after a lost "
                            + "connection and get the first answer (draft-ietf-httpapi-idempotency-key-header)"));
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((code, response) -> {
                    if (code.startsWith("2")) {
                        response.addHeaderObject(Idempotency.REPLAYED, new Header()
                                .description("true when this is the stored answer to an earlier request with the same Idempotency-Key")
                                .schema(new StringSchema()._enum(List.of("true"))));
                    }
                });
            }
            return operation;
        };
    }

    /**
     * The Problem schema is added to the finished document, not to the {@link #api()} bean: springdoc copies that
     * bean through a plain Jackson mapper, which cannot read a schema-valued {@code additionalProperties} back
     * ("additionalProperties must be either a Boolean or a Schema instance" at start-up).
     */
    @Bean
    OpenApiCustomizer problemSchemaComponent() {
        return openApi -> openApi.getComponents().addSchemas(PROBLEM, problemSchema());
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Not Found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().example("User not found"))
                .addProperty("instance", new StringSchema().example("/api/users/999999"))
                .addProperty("errors", new ObjectSchema().additionalProperties(new StringSchema())
                        .description("400/422: one message per field or parameter"))
                .addProperty("errorId", new StringSchema().description("500: the request's id; quote it when reporting the error"))
                .addProperty("requestId", new StringSchema().example(REQUEST_ID_EXAMPLE)
                        .description("Every problem: the request's id, as in the X-Request-Id header and the server's log"));
    }

    @Bean
    OperationCustomizer problemResponses(@Value("${app.max-request-body-size:1MB}") DataSize maxBodySize) {
        ProblemExamples examples = new ProblemExamples(maxBodySize.toBytes());
        return (operation, handler) -> {
            DocumentedProblems declared = handler.getMethodAnnotation(DocumentedProblems.class);
            Map<Integer, HttpStatus> statuses = new TreeMap<>();
            if (declared != null) {
                for (HttpStatus status : declared.value()) {
                    statuses.put(status.value(), status);
                }
            }
            // Every operation sits behind the rate limiter and the catch-all.
            statuses.put(429, HttpStatus.TOO_MANY_REQUESTS);
            statuses.put(500, HttpStatus.INTERNAL_SERVER_ERROR);
            statuses.put(503, HttpStatus.SERVICE_UNAVAILABLE); // the database (or a fail-closed limit's store) unreachable
            ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
            RequestMappingInfo mapping = mappingOf(handler);
            statuses.values().forEach(status -> responses.addApiResponse(Integer.toString(status.value()),
                    response(status, examples.of(status, mapping.method(), mapping.path(), mapping.consumes()))));
            addRateLimitHeaders(responses);
            responses.forEach((code, response) -> response.addHeaderObject(REQUEST_ID, header(
                    "The request's id: the client's X-Request-Id if it is 1-64 characters of [A-Za-z0-9._-], "
                            + "otherwise a generated UUID; also in every problem (requestId) and log line")));
            operation.setResponses(responses);
            return operation;
        };
    }

    private record RequestMappingInfo(String method, String path, List<String> consumes) {
    }

    /** The operation's method, path template and accepted media types, as its mapping annotations declare them. */
    private static RequestMappingInfo mappingOf(HandlerMethod handler) {
        RequestMapping onClass = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        RequestMapping onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        String prefix = onClass != null && onClass.path().length > 0 ? onClass.path()[0] : "";
        String path = onMethod != null && onMethod.path().length > 0 ? onMethod.path()[0] : "";
        String method = onMethod != null && onMethod.method().length > 0 ? onMethod.method()[0].name() : "GET";
        List<String> consumes = onMethod != null ? List.of(onMethod.consumes()) : List.of();
        return new RequestMappingInfo(method, prefix + path, consumes);
    }

    private static ApiResponse response(HttpStatus status, Map<String, Object> example) {
        if (status == HttpStatus.NOT_MODIFIED) {
            return new ApiResponse().description("Not Modified: your copy (If-None-Match) is current; no body")
                    .addHeaderObject("ETag", header("The current entity tag"));
        }
        ApiResponse response = new ApiResponse()
                .description(status.getReasonPhrase())
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                        .example(example)));
        switch (status) {
            case UNAUTHORIZED -> response.addHeaderObject("WWW-Authenticate",
                    header("Bearer, or Bearer error=\"invalid_token\", error_description=\"...\" (RFC 6750)"));
            case SERVICE_UNAVAILABLE -> response.addHeaderObject("Retry-After",
                    header("Whole seconds after which a retry may find the service back"));
            case TOO_MANY_REQUESTS -> response.addHeaderObject("Retry-After",
                    header("Whole seconds until a retry can succeed (at least 1)"));
            case UNSUPPORTED_MEDIA_TYPE -> response.addHeaderObject("Accept", header("The media types accepted"));
            case NOT_ACCEPTABLE -> response.addHeaderObject("Accept", header("The media types this operation produces"));
            default -> {
            }
        }
        return response;
    }

    /** {@code RateLimit-Policy} and {@code RateLimit} are on every answer under a policy, 2xx included. */
    private static void addRateLimitHeaders(ApiResponses responses) {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Policy", header("every policy that applies, e.g. \"default\";q=100;w=60 (draft-ietf-httpapi-ratelimit-headers-10)"));
        headers.put("RateLimit", header("e.g. \"default\";r=99;t=1: requests remaining, seconds until more are allowed;"
                + " on a 429 the policy that refused it, r=0, t = Retry-After"));
        responses.forEach((code, response) -> headers.forEach(response::addHeaderObject));
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }
}
