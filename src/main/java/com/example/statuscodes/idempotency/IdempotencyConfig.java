package com.example.statuscodes.idempotency;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link Idempotency#deleteExpired()} on its schedule. */
@Configuration
@EnableScheduling
class IdempotencyConfig {
}
