package com.example.statuscodes.docs;

import com.example.statuscodes.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class OpenApiTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void api_docs_are_open_and_declare_the_bearer_scheme() {
        assertThat(mvc.get().uri("/v3/api-docs"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}}}
                        """);
    }

    @Test
    void every_response_documents_x_request_id_and_every_problem_its_request_id_member() {
        MvcTestResult apiDocs = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(apiDocs).bodyJson().extractingPath("$.components.schemas.Problem.properties.requestId.type")
                .isEqualTo("string");
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/users/{id}'].get.responses['200'].headers.X-Request-Id")
                .isNotNull();
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/users/{id}'].get.responses['404'].headers.X-Request-Id")
                .isNotNull();
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/users/{id}'].get.responses['404'].content['application/problem+json'].example.requestId")
                .isEqualTo(OpenApiConfig.REQUEST_ID_EXAMPLE);
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/me'].get.responses['500'].content['application/problem+json'].example.errorId")
                .isEqualTo(OpenApiConfig.REQUEST_ID_EXAMPLE);
    }

    @Test
    void swagger_ui_is_open_without_a_token() {
        assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
        assertThat(mvc.get().uri("/swagger-ui.html")).hasStatus(HttpStatus.FOUND);
    }

    @Test
    void errors_are_documented_as_problem_json_with_the_guides_examples() {
        MvcTestResult apiDocs = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/users/{id}'].get.responses['404'].content['application/problem+json'].example.detail")
                .isEqualTo("User not found");
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/auth/token'].post.responses['401'].content['application/problem+json'].example.detail")
                .isEqualTo("Invalid email or password");
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/admin/settings'].delete.responses['403'].content['application/problem+json'].example.detail")
                .isEqualTo("Admin access required");
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/users'].post.responses['422'].content['application/problem+json'].example.errors")
                .isEqualTo(java.util.Map.of("email", "Invalid format", "age", "Must be positive"));
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/users'].post.responses['201'].headers.Location")
                .isNotNull();
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/me'].get.responses['401'].headers.WWW-Authenticate")
                .isNotNull();
        assertThat(apiDocs).bodyJson().extractingPath("$.paths['/api/me'].get.responses['429'].headers.Retry-After")
                .isNotNull();
    }
}
