package com.example.statuscodes.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller method that creates something: a request carrying {@code Idempotency-Key} runs at most once per
 * key and caller, and a retry gets the first answer ({@link IdempotentRequests}). The method itself stays the
 * textbook one: it never sees the key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {
}
