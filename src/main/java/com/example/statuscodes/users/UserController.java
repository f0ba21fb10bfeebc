package com.example.statuscodes.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.example.statuscodes.admin.AdminSettingsStore;
import com.example.statuscodes.errors.ProblemResponses;
import com.example.statuscodes.idempotency.Idempotency;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

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
 * The users resource: the guide's success codes (200, 201 + Location, 204) are chosen here;
 * its error codes come from the layers around it (binding, validation, {@link UserService}).
 */
@Tag(name = "Users", description = "Sign up, read, change and delete accounts: the guide's 200, 201 + Location and 204, and the 4xx that guard them")
@RestController
@RequestMapping(path = "/api/users", produces = MediaType.APPLICATION_JSON_VALUE)
class UserController {

    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    private static final String ETAG_DESCRIPTION = "Strong entity tag, e.g. \"3\": the version, for If-None-Match and If-Match";
    /**
     * Declared on every operation with a body, so that a Content-Type naming no media type ({@code *}{@code /*},
     * {@code application/*}) is a 415 at routing, not a failure to read the body.
     */
    static final String JSON_SUBTYPES = "application/*+json";

    private final UserService users;
    private final AdminSettingsStore settings;
    private final Idempotency idempotency;

    UserController(UserService users, AdminSettingsStore settings, Idempotency idempotency) {
        this.users = users;
        this.settings = settings;
        this.idempotency = idempotency;
    }

    /** 200 with a page. Out-of-range {@code page}/{@code size} or an unknown sort → 400 naming it, never clamped. */
    @ProblemResponses({BAD_REQUEST, UNAUTHORIZED, NOT_ACCEPTABLE})
    @Operation(summary = "List users, a page at a time")
    @GetMapping
    public Page<UserResponse> list(
            @RequestParam(defaultValue = "0")
            @Min(value = 0, message = "Must be between 0 and 10000000")
            @Max(value = 10_000_000, message = "Must be between 0 and 10000000") int page,
            @RequestParam(required = false)
            @Min(value = 1, message = "Must be between 1 and 100")
            @Max(value = 100, message = "Must be between 1 and 100") Integer size,
            @Parameter(name = "sort", in = ParameterIn.QUERY, required = false, explode = Explode.TRUE,
                    description = "property[,asc|desc], repeatable (sort=email,desc&sort=id); properties: id, email, name, age, createdAt",
                    array = @ArraySchema(schema = @Schema(type = "string", example = "email,desc")))
            @Nullable Sort sort) { // never null at run time (Spring Data answers Sort.unsorted()); @Nullable tells springdoc it is optional
        int pageSize = size != null ? size : settings.current().defaultPageSize();
        return users.list(PageRequest.of(page, pageSize, UserSort.checked(sort)));
    }

    /**
     * 200 with a strong ETag, or 304 Not Modified with no body when {@code If-None-Match} names the current tag or is
     * {@code *} (the guide's "should the client go somewhere else? → 3xx": to its own cached copy).
     */
    @ApiResponse(responseCode = "200", description = "The user", headers = @Header(name = HttpHeaders.ETAG,
            description = ETAG_DESCRIPTION, schema = @Schema(type = "string")))
    @ProblemResponses({NOT_MODIFIED, BAD_REQUEST, UNAUTHORIZED, NOT_FOUND, NOT_ACCEPTABLE})
    @Operation(summary = "Get one user (200 with an ETag, 304 if unchanged)")
    @GetMapping("/{id}")
    public ResponseEntity<UserResponse> get(@PathVariable UserId id,
                                            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        UserResponse user = users.get(id.value());
        if (!UserVersion.noneMatch(ifNoneMatch, user.version())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(user.etag()).build();
        }
        return withEtag(user);
    }

    /** 201 Created, with a Location header pointing at the new resource and the resource as the body. */
    @SecurityRequirements // sign-up: no token needed
    @ApiResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = HttpHeaders.LOCATION, description = "/api/users/{id}", schema = @Schema(type = "string")),
            @Header(name = HttpHeaders.ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = "string")),
            @Header(name = Idempotency.REPLAYED, schema = @Schema(type = "string", allowableValues = "true"),
                    description = "true when this is the stored answer to an earlier request with the same Idempotency-Key")})
    @ProblemResponses({BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, CONFLICT, CONTENT_TOO_LARGE,
            UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE_CONTENT, NOT_ACCEPTABLE})
    @Operation(summary = "Sign up, or create a user as an admin (201 + Location)")
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, JSON_SUBTYPES})
    public ResponseEntity<UserResponse> create(@Valid @RequestBody UserRequest request, @AuthenticationPrincipal Caller caller,
                                               @Parameter(description = "Any unique value, e.g. a UUID: send the same request"
                                                       + " again with it after a lost connection and get the first answer"
                                                       + " (draft-ietf-httpapi-idempotency-key-header)")
                                               @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
        String scope = caller != null ? "user:" + caller.id() : "anonymous";
        return idempotency.execute(scope, idempotencyKey, List.of("POST /api/users", request), UserResponse.class, () -> {
            UserResponse created = users.create(caller, request);
            // A relative reference, exactly as the guide shows it (RFC 9110 allows it in Location).
            return ResponseEntity.created(URI.create("/api/users/" + created.id())).eTag(created.etag()).body(created);
        });
    }

    /**
     * 200 with the updated user (the guide: a successful PUT returns the new state). A full replacement is
     * {@code application/json} only: a merge patch sent with PUT is a 415 naming it.
     */
    @ApiResponse(responseCode = "200", description = "The updated user", headers = @Header(name = HttpHeaders.ETAG,
            description = ETAG_DESCRIPTION, schema = @Schema(type = "string")))
    @ProblemResponses({BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, PRECONDITION_FAILED, PRECONDITION_REQUIRED,
            CONTENT_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE_CONTENT, NOT_ACCEPTABLE})
    @Operation(summary = "Replace a user (200 with the new state)")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<UserResponse> replace(@PathVariable UserId id, @Valid @RequestBody UserRequest request,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                                @AuthenticationPrincipal Caller caller) {
        return withEtag(users.replace(caller, id.value(), request, new Preconditions(ifMatch, ifNoneMatch)));
    }

    /** Only {@code application/merge-patch+json}: any other Content-Type → 415 with an {@code Accept} header naming it. */
    @ApiResponse(responseCode = "200", description = "The updated user", headers = @Header(name = HttpHeaders.ETAG,
            description = ETAG_DESCRIPTION, schema = @Schema(type = "string")))
    @ProblemResponses({BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, PRECONDITION_FAILED, PRECONDITION_REQUIRED,
            CONTENT_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE_CONTENT, NOT_ACCEPTABLE})
    @Operation(summary = "Change some fields of a user (JSON merge patch)")
    @PatchMapping(path = "/{id}", consumes = MERGE_PATCH_JSON)
    public ResponseEntity<UserResponse> patch(@PathVariable UserId id,
                                              @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                      description = "Any subset of the user's fields; null clears an optional one",
                                                      content = @Content(mediaType = MERGE_PATCH_JSON,
                                                              schema = @Schema(implementation = UserPatch.class)))
                                              @RequestBody UserPatch patch,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                              @AuthenticationPrincipal Caller caller) throws BindException {
        return withEtag(users.patch(caller, id.value(), patch, new Preconditions(ifMatch, ifNoneMatch)));
    }

    /** 204: deleted, nothing to return. The same DELETE again → 404. */
    @ApiResponse(responseCode = "204", description = "Deleted; no body")
    @ProblemResponses({BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, PRECONDITION_FAILED, PRECONDITION_REQUIRED,
            NOT_ACCEPTABLE})
    @Operation(summary = "Delete a user (204)")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable UserId id,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                       @AuthenticationPrincipal Caller caller) {
        users.delete(caller, id.value(), new Preconditions(ifMatch, ifNoneMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<UserResponse> withEtag(UserResponse user) {
        return ResponseEntity.ok().eTag(user.etag()).body(user);
    }
}
