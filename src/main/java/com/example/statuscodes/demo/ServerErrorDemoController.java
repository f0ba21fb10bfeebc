package com.example.statuscodes.demo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.example.statuscodes.errors.ProblemResponses;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import static org.springframework.http.HttpStatus.NOT_ACCEPTABLE;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;

/**
 * {@code GET /api/demo/server-error}: the guide's 500. Nothing here builds a 500 response; the code has a
 * genuine bug (it reads a setting that does not exist) and the advice's catch-all answers with a generic
 * detail and an error id, while the stack trace goes to the log under the same id.
 */
@Tag(name = "Demo", description = "The guide's 500, on purpose")
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE) // Accept: application/xml → 406 before any work is done
class ServerErrorDemoController {

    private final Map<String, Integer> limits = Map.of("maxUsers", 1000);

    @ApiResponse(responseCode = "500", description = "Always: the demo of the catch-all")
    @ProblemResponses({UNAUTHORIZED, NOT_ACCEPTABLE})
    @Operation(summary = "Fail with a genuine bug: the guide's 500")
    @GetMapping("/api/demo/server-error")
    public Map<String, Integer> serverError() {
        int perTeam = limits.get("maxUsersPerTeam"); // unboxing null: NullPointerException
        return Map.of("maxUsersPerTeam", perTeam);
    }
}
