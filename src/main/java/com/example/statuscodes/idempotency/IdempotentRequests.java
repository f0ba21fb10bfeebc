package com.example.statuscodes.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;

/**
 * Runs every {@link Idempotent} controller method through {@link Idempotency}. By the time it runs, the request was
 * authenticated, limited, bound and validated: a refused or invalid request never claims a key. The key's scope is
 * the caller (a signed-in user's keys are theirs alone; anonymous callers share one scope); the request it must match
 * is the operation and its parsed body.
 */
@Aspect
@Component
class IdempotentRequests {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final Idempotency idempotency;

    IdempotentRequests(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Around("@annotation(com.example.statuscodes.idempotency.Idempotent)")
    Object runOncePerKey(ProceedingJoinPoint call) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        Method method = ((MethodSignature) call.getSignature()).getMethod();
        Object operation = List.of(request.getMethod() + " " + request.getRequestURI(), requestBody(method, call.getArgs()));
        return run(scope(), request.getHeader(Idempotency.HEADER), operation, bodyType(method), call);
    }

    private <T> ResponseEntity<T> run(String scope, String key, Object operation, Class<T> bodyType,
                                      ProceedingJoinPoint call) {
        return idempotency.execute(scope, key, operation, bodyType, () -> proceed(call));
    }

    private static String scope() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return TRUST.isAuthenticated(caller) ? "user:" + caller.getName() : "anonymous";
    }

    private static Object requestBody(Method method, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (new MethodParameter(method, i).hasParameterAnnotation(RequestBody.class)) {
                return args[i];
            }
        }
        throw new IllegalStateException(method + " is @Idempotent but takes no @RequestBody");
    }

    /** {@code T} of the method's {@code ResponseEntity<T>}: what a kept answer is read back as. */
    private static Class<?> bodyType(Method method) {
        return ResolvableType.forMethodReturnType(method).as(ResponseEntity.class).getGeneric(0).resolve(Object.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> ResponseEntity<T> proceed(ProceedingJoinPoint call) {
        try {
            return (ResponseEntity<T>) call.proceed();
        } catch (RuntimeException | Error unchanged) {
            throw unchanged;
        } catch (Throwable checked) {
            throw new UndeclaredThrowableException(checked);
        }
    }
}
