package com.example.statuscodes.machinery.speed;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Duration;

/** Wraps the application's {@link JwtDecoder} in {@link VerifiedTokens}; the decoder itself knows nothing of it. */
@Configuration(proxyBeanMethods = false)
class VerifiedTokensConfig {

    /** A token is kept no longer than it can live: {@code app.jwt.ttl} plus the clock skew the rules allow. */
    private static final Duration SKEW = Duration.ofSeconds(60);

    @Bean
    static BeanPostProcessor verifiedTokens(ObjectProvider<OAuth2TokenValidator<Jwt>> jwtValidator, Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)) {
                    Duration ttl = environment.getProperty("app.jwt.ttl", Duration.class, Duration.ofHours(1));
                    return new VerifiedTokens(decoder, jwtValidator.getObject(), ttl.plus(SKEW));
                }
                return bean;
            }
        };
    }
}
