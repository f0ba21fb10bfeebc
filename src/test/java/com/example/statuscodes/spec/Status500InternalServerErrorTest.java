package com.example.statuscodes.spec;

import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.example.statuscodes.errors.ProblemType.SERVER_ERROR;
import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The guide's 500: log the details server-side, don't expose them to the client. */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("500 Internal Server Error: we broke")
class Status500InternalServerErrorTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;

    @Test
    void unexpected_exception_returns_500_with_generic_detail_and_error_id(CapturedOutput log) throws Exception {
        MvcTestResult result = mvc.get().uri("/api/demo/server-error")
                .header(HttpHeaders.AUTHORIZATION, users.alice()).exchange();
        String errorId = JsonPath.read(result.getResponse().getContentAsString(), "$.errorId");

        assertProblem(result, SERVER_ERROR, HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Report error id " + errorId + " if it persists.");
        assertThat(errorId).matches("[0-9a-f-]{36}");
        assertThat(result.getResponse().getContentAsString())
                .doesNotContain("NullPointerException", "Exception", "at com.", "ServerErrorDemoController");
        assertThat(log.getOut()).contains("Unexpected error " + errorId).contains("NullPointerException");
    }
}
