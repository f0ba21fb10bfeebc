package com.example.statuscodes.users;

import com.example.statuscodes.errors.DocumentedProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.NOT_ACCEPTABLE;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;

/** The OpenAPI description of {@link MeController} (why an interface: see {@link UsersApi}). */
@Tag(name = "Users")
interface MeApi {

    @DocumentedProblems({BAD_REQUEST, UNAUTHORIZED, NOT_ACCEPTABLE}) // 400: a malformed Authorization header
    @Operation(summary = "The signed-in user's own account")
    UserResponse me(Caller caller);
}
