package com.example.statuscodes.users;

import com.example.statuscodes.admin.AdminSettingsStore;
import com.example.statuscodes.idempotency.Idempotent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
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

/**
 * The users resource: the guide's success codes (200, 201 + Location, 204) are chosen here;
 * its error codes come from the layers around it (binding, validation, {@link UserService}).
 * The OpenAPI description is in {@link UsersApi}.
 * <p>
 * Every operation with a body names the one media type it reads ({@code consumes}): any other Content-Type, a
 * wildcard among them ({@code *}{@code /*}, {@code application/*+json}: it names no type to read), is a 415 at routing.
 */
@RestController
@RequestMapping(path = "/api/users", produces = MediaType.APPLICATION_JSON_VALUE)
class UserController implements UsersApi {

    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    /**
     * What Spring Security's {@code CacheControlHeadersWriter} puts on the 200, with {@code Expires: 0}. It leaves
     * them off a 304 on purpose (spring-security#5534), but RFC 9110 §15.4.5 asks a 304 for the Cache-Control and
     * Expires the 200 would have had, so this answer sets them itself; a spec test holds the two to the 200's.
     */
    private static final String CACHE_CONTROL_OF_THE_200 = "no-cache, no-store, max-age=0, must-revalidate";

    private final UserService users;
    private final AdminSettingsStore settings;

    UserController(UserService users, AdminSettingsStore settings) {
        this.users = users;
        this.settings = settings;
    }

    /**
     * 200 with a page. Out-of-range {@code page}/{@code size} or an unknown sort → 400 naming it, never clamped.
     * The {@code sort} values come straight from the query, as the container decoded it ({@link UserSort} says why).
     */
    @GetMapping
    @Override
    public Page<UserResponse> list(
            @RequestParam(defaultValue = "0")
            @Min(value = 0, message = "Must be between 0 and 10000000")
            @Max(value = 10_000_000, message = "Must be between 0 and 10000000") int page,
            @RequestParam(required = false)
            @Min(value = 1, message = "Must be between 1 and 100")
            @Max(value = 100, message = "Must be between 1 and 100") Integer size,
            @RequestParam MultiValueMap<String, String> query) {
        int pageSize = size != null ? size : settings.current().defaultPageSize();
        return users.list(PageRequest.of(page, pageSize, UserSort.parse(query.get("sort"))));
    }

    /**
     * 200 with a strong ETag, or 304 Not Modified with no body when {@code If-None-Match} names the current tag or is
     * {@code *} (the guide's "should the client go somewhere else? → 3xx": to its own cached copy). An {@code If-Match}
     * that does not match is a 412, before any 304; a malformed value of either is a 400 ({@link Preconditions}).
     */
    @GetMapping("/{id}")
    @Override
    public ResponseEntity<UserResponse> get(@PathVariable UserId id,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        UserResponse user = users.get(id.value());
        if (new Preconditions(ifMatch, ifNoneMatch).notModified(user.version())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(user.etag())
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL_OF_THE_200).header(HttpHeaders.EXPIRES, "0").build();
        }
        return withEtag(user);
    }

    /**
     * 201 Created, with a Location header pointing at the new resource and the resource as the body. A client that
     * lost the answer can send the request again with the same {@code Idempotency-Key} and get this one back.
     */
    @Idempotent
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Override
    public ResponseEntity<UserResponse> create(@Valid @RequestBody UserRequest request, @AuthenticationPrincipal Caller caller) {
        UserResponse created = users.create(caller, request);
        // A relative reference, exactly as the guide shows it (RFC 9110 allows it in Location).
        return ResponseEntity.created(URI.create("/api/users/" + created.id())).eTag(created.etag()).body(created);
    }

    /**
     * 200 with the updated user (the guide: a successful PUT returns the new state). A full replacement is
     * {@code application/json} only: a merge patch sent with PUT is a 415 naming it.
     */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Override
    public ResponseEntity<UserResponse> replace(@PathVariable UserId id, @Valid @RequestBody UserRequest request,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                                @AuthenticationPrincipal Caller caller) {
        return withEtag(users.replace(caller, id.value(), request, new Preconditions(ifMatch, ifNoneMatch)));
    }

    /** Only {@code application/merge-patch+json}: any other Content-Type → 415 with an {@code Accept} header naming it. */
    @PatchMapping(path = "/{id}", consumes = MERGE_PATCH_JSON)
    @Override
    public ResponseEntity<UserResponse> patch(@PathVariable UserId id, @RequestBody UserPatch patch,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                              @AuthenticationPrincipal Caller caller) throws BindException {
        return withEtag(users.patch(caller, id.value(), patch, new Preconditions(ifMatch, ifNoneMatch)));
    }

    /** 204: deleted, nothing to return. The same DELETE again → 404. */
    @DeleteMapping("/{id}")
    @Override
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
