package com.example.statuscodes.users;

import com.example.statuscodes.admin.AdminSettingsStore;
import com.example.statuscodes.auth.Caller;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
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
 */
@RestController
@RequestMapping("/api/users")
public class UserController {

    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final UserService users;
    private final AdminSettingsStore settings;

    public UserController(UserService users, AdminSettingsStore settings) {
        this.users = users;
        this.settings = settings;
    }

    /** 200 with a page. Out-of-range {@code page}/{@code size} or an unknown sort → 400 naming it, never clamped. */
    @GetMapping
    public Page<UserResponse> list(
            @RequestParam(defaultValue = "0")
            @Min(value = 0, message = "Must be between 0 and 10000000")
            @Max(value = 10_000_000, message = "Must be between 0 and 10000000") int page,
            @RequestParam(required = false)
            @Min(value = 1, message = "Must be between 1 and 100")
            @Max(value = 100, message = "Must be between 1 and 100") Integer size,
            @Parameter(description = "property[,asc|desc], repeatable; properties: id, email, name, age, createdAt")
            Sort sort) {
        int pageSize = size != null ? size : settings.current().defaultPageSize();
        return users.list(PageRequest.of(page, pageSize, UserSort.checked(sort)));
    }

    /**
     * 200 with a strong ETag. Spring answers {@code If-None-Match} with the current tag itself: 304 Not Modified,
     * no body (the guide's "should the client go somewhere else? → 3xx": to its own cached copy).
     */
    @GetMapping("/{id}")
    public ResponseEntity<UserResponse> get(@PathVariable long id) {
        return withEtag(users.get(id));
    }

    /** 201 Created, with a Location header pointing at the new resource and the resource as the body. */
    @PostMapping
    public ResponseEntity<UserResponse> create(@Valid @RequestBody UserRequest request, Authentication authentication) {
        UserResponse created = users.create(Caller.of(authentication), request);
        // A relative reference, exactly as the guide shows it (RFC 9110 allows it in Location).
        return ResponseEntity.created(URI.create("/api/users/" + created.id())).eTag(created.etag()).body(created);
    }

    /** 200 with the updated user (the guide: a successful PUT returns the new state). */
    @PutMapping("/{id}")
    public ResponseEntity<UserResponse> replace(@PathVariable long id, @Valid @RequestBody UserRequest request,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                Authentication authentication) {
        return withEtag(users.replace(Caller.of(authentication), id, request, ifMatch));
    }

    /** Only {@code application/merge-patch+json}: any other Content-Type → 415 with an {@code Accept} header naming it. */
    @PatchMapping(path = "/{id}", consumes = MERGE_PATCH_JSON)
    public ResponseEntity<UserResponse> patch(@PathVariable long id, @RequestBody UserPatch patch,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              Authentication authentication) throws BindException {
        return withEtag(users.patch(Caller.of(authentication), id, patch, ifMatch));
    }

    /** 204: deleted, nothing to return. The same DELETE again → 404. */
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       Authentication authentication) {
        users.delete(Caller.of(authentication), id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<UserResponse> withEtag(UserResponse user) {
        return ResponseEntity.ok().eTag(user.etag()).body(user);
    }
}
