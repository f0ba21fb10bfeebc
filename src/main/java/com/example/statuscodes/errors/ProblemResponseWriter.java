package com.example.statuscodes.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Writes a problem straight to the servlet response, for code that runs outside Spring MVC:
 * security entry point and access-denied handler, firewall, rate limiter, body-size guard.
 * Inside MVC the {@link ApiExceptionHandler} returns the same {@link ProblemDetail} instead.
 */
@Component
public class ProblemResponseWriter {

    private final JsonMapper jsonMapper;

    public ProblemResponseWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response,
                      HttpStatusCode status, String detail) throws IOException {
        write(request, response, Problems.of(status, detail));
    }

    public void write(HttpServletRequest request, HttpServletResponse response,
                      ProblemDetail problem) throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(Problems.instance(request.getRequestURI()));
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }
}
