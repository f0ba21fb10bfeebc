package com.example.statuscodes.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param ttl             how long a key and its response are kept (the draft suggests at least a day)
 * @param waitForFirst how long a request waits for another one still running with its key before it answers 409 +
 *                     Retry-After (the database's lock wait on the key's row)
 */
@ConfigurationProperties("app.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration ttl, @DefaultValue("3s") Duration waitForFirst) {
}
