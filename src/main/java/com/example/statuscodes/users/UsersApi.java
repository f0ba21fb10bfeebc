package com.example.statuscodes.users;

import com.example.statuscodes.errors.DocumentedProblems;
import com.example.statuscodes.errors.EntityTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindException;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.CONTENT_TOO_LARGE;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_ACCEPTABLE;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.NOT_MODIFIED;
import static org.springframework.http.HttpStatus.PRECONDITION_FAILED;
import static org.springframework.http.HttpStatus.PRECONDITION_REQUIRED;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;
import static org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE;

/**
 * The OpenAPI description of {@link UserController}, kept out of it so the controller reads as plain Spring MVC.
 * Each operation lists the problem statuses it can answer ({@link DocumentedProblems}); {@code OpenApiContractTest}
 * fails when a list and the spec tests disagree. It lives beside the controller, not in {@code openapi}, because
 * {@code openapi} depends on every feature (and {@code ArchitectureTest} forbids the cycle).
 */
@Tag(name = "Users", description = "Sign up, read, change and delete accounts: the guide's 200, 201 + Location and 204, and the 4xx that guard them")
interface UsersApi {

    String ETAG_DESCRIPTION = "Strong entity tag, e.g. \"3\": the version, for If-None-Match and If-Match";
    String IF_MATCH_DESCRIPTION = "* or a list of entity tags (\"3\" or \"1\", \"3\"): the change is made only if one"
            + " matches the current ETag, compared strongly (W/\"3\" never does); otherwise 412. Any other value: 400";
    String IF_MATCH_GET_DESCRIPTION = "* or a list of entity tags: the user is returned only if one matches the current"
            + " ETag, compared strongly; otherwise 412, before any 304. Any other value: 400";
    String IF_NONE_MATCH_DESCRIPTION = "* or a list of entity tags: if one matches the current ETag, compared weakly"
            + " (W/\"3\" matches \"3\"), a GET answers 304 and a change 412. Any other value: 400";

    // Request examples that succeed as they are when Swagger UI sends them (DocumentedExamplesTest runs each one), as
    // the demo admin of the login example: a sign-up, and alice (id 1) replaced and patched with what she already has.
    String SIGN_UP_EXAMPLE = """
            {"email": "new-user@example.com", "name": "New User", "age": 30, "password": "new-user-password"}""";
    String REPLACE_EXAMPLE = """
            {"email": "alice@example.com", "name": "Alice", "age": 31}""";
    String PATCH_EXAMPLE = """
            {"age": 31}""";

    @DocumentedProblems({BAD_REQUEST, UNAUTHORIZED, NOT_ACCEPTABLE})
    @Operation(summary = "List users, a page at a time")
    @Parameter(name = "sort", in = ParameterIn.QUERY, required = false, explode = Explode.TRUE,
            description = "property[,asc|desc], repeatable (sort=email,desc&sort=id); any other value: 400",
            array = @ArraySchema(schema = @Schema(type = "string", example = "email,desc",
                    allowableValues = {"id", "id,asc", "id,desc", "email", "email,asc", "email,desc",
                            "name", "name,asc", "name,desc", "age", "age,asc", "age,desc",
                            "createdAt", "createdAt,asc", "createdAt,desc"})))
    Page<UserResponse> list(int page, Integer size,
                            @Parameter(hidden = true) MultiValueMap<String, String> query);

    @ApiResponse(responseCode = "200", description = "The user", headers = @Header(name = HttpHeaders.ETAG,
            description = ETAG_DESCRIPTION, schema = @Schema(type = "string")))
    @DocumentedProblems({NOT_MODIFIED, BAD_REQUEST, UNAUTHORIZED, NOT_FOUND, PRECONDITION_FAILED, NOT_ACCEPTABLE})
    @Operation(summary = "Get one user (200 with an ETag, 304 if unchanged)")
    ResponseEntity<UserResponse> get(UserId id,
                                     @Parameter(description = IF_MATCH_GET_DESCRIPTION, schema = @Schema(pattern = EntityTags.PATTERN)) String ifMatch,
                                     @Parameter(description = IF_NONE_MATCH_DESCRIPTION, schema = @Schema(pattern = EntityTags.PATTERN)) String ifNoneMatch);

    /** The Idempotency-Key header and the replay header come from the operation's {@code @Idempotent}. */
    @SecurityRequirements // sign-up: no token needed
    @ApiResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = HttpHeaders.LOCATION, description = "/api/users/{id}", schema = @Schema(type = "string")),
            @Header(name = HttpHeaders.ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = "string"))})
    @DocumentedProblems({BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, CONFLICT, CONTENT_TOO_LARGE,
            UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE_CONTENT, NOT_ACCEPTABLE})
    @Operation(summary = "Sign up, or create a user as an admin (201 + Location)")
    ResponseEntity<UserResponse> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                                        schema = @Schema(implementation = UserRequest.class),
                                                        examples = @ExampleObject(name = "sign-up", value = SIGN_UP_EXAMPLE)))
                                        UserRequest request, Caller caller);

    @ApiResponse(responseCode = "200", description = "The updated user", headers = @Header(name = HttpHeaders.ETAG,
            description = ETAG_DESCRIPTION, schema = @Schema(type = "string")))
    @DocumentedProblems({BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, PRECONDITION_FAILED, PRECONDITION_REQUIRED,
            CONTENT_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE_CONTENT, NOT_ACCEPTABLE})
    @Operation(summary = "Replace a user (200 with the new state)")
    ResponseEntity<UserResponse> replace(UserId id,
                                         @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                 content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                                         schema = @Schema(implementation = UserRequest.class),
                                                         examples = @ExampleObject(name = "alice", value = REPLACE_EXAMPLE)))
                                         UserRequest request,
                                         @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(pattern = EntityTags.PATTERN)) String ifMatch,
                                         @Parameter(description = IF_NONE_MATCH_DESCRIPTION, schema = @Schema(pattern = EntityTags.PATTERN)) String ifNoneMatch,
                                         Caller caller);

    @ApiResponse(responseCode = "200", description = "The updated user", headers = @Header(name = HttpHeaders.ETAG,
            description = ETAG_DESCRIPTION, schema = @Schema(type = "string")))
    @DocumentedProblems({BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, PRECONDITION_FAILED, PRECONDITION_REQUIRED,
            CONTENT_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE_CONTENT, NOT_ACCEPTABLE})
    @Operation(summary = "Change some fields of a user (JSON merge patch)")
    ResponseEntity<UserResponse> patch(UserId id,
                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                               description = "Any subset of the user's fields; null clears an optional one",
                                               content = @Content(mediaType = UserController.MERGE_PATCH_JSON,
                                                       schema = @Schema(implementation = UserPatch.class),
                                                       examples = @ExampleObject(name = "age", value = PATCH_EXAMPLE)))
                                       UserPatch patch,
                                       @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(pattern = EntityTags.PATTERN)) String ifMatch,
                                       @Parameter(description = IF_NONE_MATCH_DESCRIPTION, schema = @Schema(pattern = EntityTags.PATTERN)) String ifNoneMatch,
                                       Caller caller) throws BindException;

    @ApiResponse(responseCode = "204", description = "Deleted; no body")
    @DocumentedProblems({BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, PRECONDITION_FAILED, PRECONDITION_REQUIRED,
            NOT_ACCEPTABLE})
    @Operation(summary = "Delete a user (204)")
    ResponseEntity<Void> delete(UserId id,
                                @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(pattern = EntityTags.PATTERN)) String ifMatch,
                                @Parameter(description = IF_NONE_MATCH_DESCRIPTION, schema = @Schema(pattern = EntityTags.PATTERN)) String ifNoneMatch,
                                Caller caller);
}
