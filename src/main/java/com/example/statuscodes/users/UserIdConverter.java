package com.example.statuscodes.users;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Binds {@code @PathVariable UserId id} with {@link UserId#parse}, the parser the access rules use. Spring Boot adds
 * every {@link Converter} bean to MVC's conversion service; a refusal reaches the advice as a type mismatch whose
 * cause is the {@link InvalidUserIdException}, and is answered in that exception's words.
 */
@Component
class UserIdConverter implements Converter<String, UserId> {

    @Override
    public UserId convert(String source) {
        return UserId.parse(source);
    }
}
