package com.example.statuscodes.admin;

import com.example.statuscodes.errors.DocumentedProblems;
import com.example.statuscodes.errors.EntityTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONTENT_TOO_LARGE;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_ACCEPTABLE;
import static org.springframework.http.HttpStatus.PRECONDITION_FAILED;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;
import static org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE;

/** The OpenAPI description of {@link AdminSettingsController}, kept out of it so the controller reads as plain Spring MVC. */
@Tag(name = "Admin", description = "Settings only an admin may read or change; anyone else gets the guide's 403 \"Admin access required\"")
interface AdminSettingsApi {

    String IF_MATCH_DESCRIPTION = "The settings have no entity tag: * (they exist) holds, any list of entity tags is"
            + " false (412). Any other value: 400";
    String IF_NONE_MATCH_DESCRIPTION = "* is false (412: the settings exist); a list of entity tags holds (none is"
            + " theirs). Any other value: 400";

    @DocumentedProblems({UNAUTHORIZED, FORBIDDEN, NOT_ACCEPTABLE})
    @Operation(summary = "Read the settings")
    AdminSettings get();

    @DocumentedProblems({BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, PRECONDITION_FAILED, CONTENT_TOO_LARGE,
            UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE_CONTENT, NOT_ACCEPTABLE})
    @Operation(summary = "Replace the settings")
    AdminSettings replace(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AdminSettings.class),
                    // the defaults: pressing Execute changes nothing, and leaves If-Match optional
                    examples = @ExampleObject(name = "defaults", value = """
                            {"signupsEnabled": true, "defaultPageSize": 20, "requireIfMatch": false}""")))
                          AdminSettings settings,
                          @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(pattern = EntityTags.PATTERN)) String ifMatch,
                          @Parameter(description = IF_NONE_MATCH_DESCRIPTION, schema = @Schema(pattern = EntityTags.PATTERN)) String ifNoneMatch);

    @ApiResponse(responseCode = "204", description = "Reset to defaults; no body")
    @DocumentedProblems({BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, PRECONDITION_FAILED, NOT_ACCEPTABLE})
    @Operation(summary = "Reset the settings to their defaults (204)")
    ResponseEntity<Void> reset(
            @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(pattern = EntityTags.PATTERN)) String ifMatch,
            @Parameter(description = IF_NONE_MATCH_DESCRIPTION, schema = @Schema(pattern = EntityTags.PATTERN)) String ifNoneMatch);
}
