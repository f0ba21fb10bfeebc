package com.example.statuscodes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lesson stands on its own: with every class of the {@code machinery} packages left out of the application, it
 * still starts and answers the README's first codes (201, 409, 401, 200 with a token, 429 on the eleventh wrong
 * password) the same way. {@code ArchitectureTest} keeps the teaching code from calling the machinery; this keeps it
 * from needing the machinery's beans.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:no-machinery;DB_CLOSE_DELAY=-1",
        "app.rate-limit.enabled=true"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TypeExcludeFilters(WithoutTheMachineryTest.NoMachinery.class)
@DisplayName("Without the machinery packages the application starts and answers the same codes")
class WithoutTheMachineryTest {

    private static final String SIGN_UP = """
            {"email": "learner@example.com", "name": "Learner", "password": "correct-horse-battery"}""";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;

    @Test
    void no_machinery_bean_is_in_the_context() {
        assertThat(Arrays.stream(context.getBeanDefinitionNames()).map(context::getType)
                .filter(type -> type != null && type.getName().startsWith(NoMachinery.PACKAGE)))
                .isEmpty();
    }

    @Test
    void sign_up_is_201_then_409_a_missing_token_401_and_a_login_200() {
        assertThat(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).content(SIGN_UP))
                .hasStatus(201).headers().containsHeader(HttpHeaders.LOCATION);
        assertThat(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).content(SIGN_UP))
                .hasStatus(409).bodyJson().extractingPath("$.detail").isEqualTo("A user with this email already exists");
        assertThat(mvc.get().uri("/api/users/1")).hasStatus(401)
                .headers().hasValue(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(mvc.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"learner@example.com\", \"password\": \"correct-horse-battery\"}"))
                .hasStatus(200).bodyJson().extractingPath("$.token_type").isEqualTo("Bearer");
    }

    @Test
    void the_eleventh_wrong_password_in_a_minute_is_429() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(wrongPassword(attempt)).as("attempt %d", attempt).hasStatus(401);
        }
        assertThat(wrongPassword(11)).hasStatus(429).headers().containsHeader(HttpHeaders.RETRY_AFTER);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult wrongPassword(int attempt) {
        return mvc.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"nobody-" + attempt + "@example.com\", \"password\": \"wrong-password\"}")
                .with(request -> {
                    request.setRemoteAddr("192.0.2.11"); // its own budget, whatever the other tests spent
                    return request;
                })
                .exchange();
    }

    /** Leaves every class of {@code com.example.statuscodes.machinery} out of the component scan. */
    static class NoMachinery extends TypeExcludeFilter {

        static final String PACKAGE = "com.example.statuscodes.machinery.";

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getClassMetadata().getClassName().startsWith(PACKAGE);
        }

        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}
