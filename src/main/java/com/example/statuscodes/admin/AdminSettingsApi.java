package com.example.statuscodes.admin;

import com.example.statuscodes.errors.DocumentedProblems;
import com.example.statuscodes.errors.EntityTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONTENT_TOO_LARGE;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_ACCEPTABLE;
import static org.springframework.http.HttpStatus.NOT_MODIFIED;
import static org.springframework.http.HttpStatus.PRECONDITION_FAILED;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;
import static org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE;

/** The OpenAPI description of {@link AdminSettingsController}, kept out of it so the controller reads as plain Spring MVC. */
@Tag(name = "Admin", description = "Settings only an admin may read or change; anyone else gets the guide's 403 \"Admin access required\"")
interface AdminSettingsApi {

    String IF_MATCH_DESCRIPTION = "The settings have no entity tag: * (they exist) holds, any list of entity tags is"
            + " false (412). Any other value: 400";
    String IF_NONE_MATCH_DESCRIPTION = "* is false (the settings exist): a read answers 304, a change 412; a list of"
            + " entity tags holds (none is theirs). Any other value: 400";

    // The headers are read before the body, by SettingsConditions, not by the controller: documented per operation.
    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DESCRIPTION,
            schema = @Schema(type = "string", pattern = EntityTags.PATTERN))
    @Parameter(name = HttpHeaders.IF_NONE_MATCH, in = ParameterIn.HEADER, description = IF_NONE_MATCH_DESCRIPTION,
            schema = @Schema(type = "string", pattern = EntityTags.PATTERN))
    @DocumentedProblems({NOT_MODIFIED, BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, PRECONDITION_FAILED, NOT_ACCEPTABLE})
    @Operation(summary = "Read the settings (304 for If-None-Match: *)")
    AdminSettings get();

    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DESCRIPTION,
            schema = @Schema(type = "string", pattern = EntityTags.PATTERN))
    @Parameter(name = HttpHeaders.IF_NONE_MATCH, in = ParameterIn.HEADER, description = IF_NONE_MATCH_DESCRIPTION,
            schema = @Schema(type = "string", pattern = EntityTags.PATTERN))
    @DocumentedProblems({BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, PRECONDITION_FAILED, CONTENT_TOO_LARGE,
            UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE_CONTENT, NOT_ACCEPTABLE})
    @Operation(summary = "Replace the settings")
    AdminSettings replace(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AdminSettings.class),
                    // the defaults: pressing Execute changes nothing, and leaves If-Match optional
                    examples = @ExampleObject(name = "defaults", value = """
                            {"signupsEnabled": true, "defaultPageSize": 20, "requireIfMatch": false}""")))
                          AdminSettings settings);

    @ApiResponse(responseCode = "204", description = "Reset to defaults; no body")
    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH_DESCRIPTION,
            schema = @Schema(type = "string", pattern = EntityTags.PATTERN))
    @Parameter(name = HttpHeaders.IF_NONE_MATCH, in = ParameterIn.HEADER, description = IF_NONE_MATCH_DESCRIPTION,
            schema = @Schema(type = "string", pattern = EntityTags.PATTERN))
    @DocumentedProblems({BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, PRECONDITION_FAILED, NOT_ACCEPTABLE})
    @Operation(summary = "Reset the settings to their defaults (204)")
    ResponseEntity<Void> reset();
}
