package com.example.statuscodes.demo;

import com.example.statuscodes.errors.DocumentedProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;

import static org.springframework.http.HttpStatus.NOT_ACCEPTABLE;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;

/** The OpenAPI description of {@link ServerErrorDemoController}. */
@Tag(name = "Demo", description = "The guide's 500, on purpose")
interface ServerErrorDemoApi {

    @ApiResponse(responseCode = "500", description = "Always: the demo of the catch-all")
    @DocumentedProblems({UNAUTHORIZED, NOT_ACCEPTABLE})
    @Operation(summary = "Fail with a genuine bug: the guide's 500")
    Map<String, Integer> serverError();
}
