package com.example.statuscodes.demo;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code GET /api/demo/server-error}: the guide's 500. Nothing here builds a 500 response; the code has a
 * genuine bug (it reads a setting that does not exist) and the advice's catch-all answers with a generic
 * detail and an error id, while the stack trace goes to the log under the same id.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE) // Accept: application/xml → 406 before any work is done
class ServerErrorDemoController implements ServerErrorDemoApi {

    private final Map<String, Integer> limits = Map.of("maxUsers", 1000);

    @GetMapping("/api/demo/server-error")
    @Override
    public Map<String, Integer> serverError() {
        int perTeam = limits.get("maxUsersPerTeam"); // unboxing null: NullPointerException
        return Map.of("maxUsersPerTeam", perTeam);
    }
}
