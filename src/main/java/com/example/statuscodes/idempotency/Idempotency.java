package com.example.statuscodes.idempotency;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} (draft-ietf-httpapi-idempotency-key-header): a client whose connection dropped can send
 * the same request again with the same key and get the first answer, instead of a second account or a 409.
 * <ul>
 *   <li>first request with a key: processed; the key, the work and the response (status, Location, ETag, body)
 *       commit in one transaction and are kept for {@code ttl}. If the request fails, or the server dies half-way,
 *       all of it rolls back: the key is free again at once, and nothing was done</li>
 *   <li>same key, same request: the kept response, replayed ({@code Idempotent-Replayed: true}); nothing runs again</li>
 *   <li>same key, another request: 422 ({@link IdempotencyKeyReusedException})</li>
 *   <li>same key while the first is still running: waits for it (at most {@code wait-for-first}, the database's lock
 *       on the key), then the replay; 409 + Retry-After if it is still running then ({@link IdempotencyKeyInUseException})</li>
 *   <li>a header that is no valid key: 400 ({@link InvalidIdempotencyKeyException})</li>
 * </ul>
 * Keys live in the database, so every instance sees them, and are scoped: a signed-in user's keys are theirs
 * alone; anonymous keys share one scope, where a replay also needs the identical request (an unguessable key,
 * and the same body, password included: {@link RequestFingerprints}).
 */
@Service
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    /**
     * A key: 1 to 128 visible ASCII characters but {@code "} and {@code \}, bare or as the draft's Structured Field
     * string (in double quotes). The one statement of the rule: the server reads a key with it, and the OpenAPI
     * document gives it to clients as the header's pattern (Java and ECMA-262 read it alike).
     */
    public static final String KEY_PATTERN =
            "^(?:[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}|\"[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}\")$";
    public static final int KEY_MAX_LENGTH = 130; // 128 and the two quotes

    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

    private final IdempotencyRecords records;
    private final IdempotencyProperties properties;
    private final RequestFingerprints fingerprints;
    private final JsonMapper json;
    private final Clock clock;
    private final KeyLockWait lockWait;
    private final TransactionTemplate transaction;

    Idempotency(IdempotencyRecords records, IdempotencyProperties properties, RequestFingerprints fingerprints,
                JsonMapper json, Clock clock, KeyLockWait lockWait, PlatformTransactionManager transactions) {
        this.records = records;
        this.properties = properties;
        this.fingerprints = fingerprints;
        this.json = json;
        this.clock = clock;
        this.lockWait = lockWait;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Runs {@code action} at most once per key and scope.
     *
     * @param request   what identifies the request beyond its key (operation and parsed body), hashed
     * @param bodyType  the response body's type, to read a kept response back
     */
    public <T> ResponseEntity<T> execute(String scope, String rawKey, Object request, Class<T> bodyType,
                                         Supplier<ResponseEntity<T>> action) {
        if (rawKey == null) {
            return action.get();
        }
        String key = parse(rawKey);
        String fingerprint = fingerprintFor(request);
        IdempotencyRecord kept = keptAnswer(scope, key);
        if (kept != null) {
            return replay(kept, fingerprint, bodyType);
        }
        try {
            return transaction.execute(status -> {
                IdempotencyRecord claimed = claim(scope, key, fingerprint);
                // The whole action runs in the transaction, a sign-up's bcrypt hash included, so a keyed sign-up holds
                // a pooled connection for that long too. Hashing first would take the password out of the textbook
                // controller; the pool (10) and the one-transaction guarantee were judged worth more.
                ResponseEntity<T> response = action.get();
                keep(claimed, response);
                return response;
            });
        } catch (AnsweredMeanwhile answered) {
            IdempotencyRecord now = keptAnswer(scope, key);
            if (now == null) {
                throw new IdempotencyKeyInUseException(); // answered, then expired or deleted in between: retry
            }
            return replay(now, fingerprint, bodyType);
        }
    }

    /**
     * The answer kept for this key, if there is one that has not expired. An expired one is deleted first, by a
     * statement that deletes nothing when another request (on any instance) already did: two retries of one expired
     * key must both find it free, not fail on each other's delete.
     */
    private IdempotencyRecord keptAnswer(String scope, String key) {
        return transaction.execute(status -> {
            records.deleteExpired(scope, key, Instant.now(clock));
            return records.findByScopeAndKey(scope, key).orElse(null);
        });
    }

    /**
     * Inserts the key. While another request holds it (its insert not yet committed), the database makes this insert
     * wait; when that request commits, the insert fails on the unique constraint and its kept answer is replayed; when
     * it rolls back (it failed, or its server died), this insert succeeds and this request runs.
     */
    private IdempotencyRecord claim(String scope, String key, String fingerprint) {
        try (KeyLockWait.Restore restore = lockWait.limitTo(properties.waitForFirst())) {
            return records.saveAndFlush(new IdempotencyRecord(scope, key, fingerprint, Instant.now(clock), properties.ttl()));
        } catch (DataIntegrityViolationException committedMeanwhile) {
            throw new AnsweredMeanwhile();
        } catch (PessimisticLockingFailureException | QueryTimeoutException stillRunning) {
            throw new IdempotencyKeyInUseException();
        }
    }

    /** Kept in the same transaction as the work: both commit, or neither. */
    private <T> void keep(IdempotencyRecord record, ResponseEntity<T> response) {
        URI location = response.getHeaders().getLocation();
        record.complete(response.getStatusCode().value(), location != null ? location.toString() : null,
                response.getHeaders().getETag(), json.writeValueAsString(response.getBody()));
        records.flush();
    }

    private <T> ResponseEntity<T> replay(IdempotencyRecord record, String fingerprint, Class<T> bodyType) {
        if (!record.getFingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        if (record.getStatus() == null) {
            // Committed without its answer: only an instance of a version before the one transaction did that (key
            // first, work after). That instance may still be running it, so running it here could run it twice.
            throw new IdempotencyKeyInUseException();
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.valueOf(record.getStatus()))
                .header(REPLAYED, "true");
        if (record.getLocation() != null) {
            response.header("Location", record.getLocation());
        }
        if (record.getEtag() != null) {
            response.eTag(record.getEtag());
        }
        // Members the body does not show (a @JsonIgnore'd version) come back as their defaults.
        return response.body(json.readerFor(bodyType).without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .readValue(record.getBody()));
    }

    /** Expired keys go, on every instance (deleting twice is harmless): the table stays as small as the TTL allows. */
    @Scheduled(fixedDelayString = "${app.idempotency.cleanup-interval:PT5M}")
    void deleteExpired() {
        transaction.executeWithoutResult(status -> records.deleteExpired(Instant.now(clock)));
    }

    private static String parse(String rawKey) {
        String key = rawKey.strip();
        if (!KEY.matcher(key).matches()) {
            throw new InvalidIdempotencyKeyException();
        }
        return key.startsWith("\"") ? key.substring(1, key.length() - 1) : key; // the same key, bare or quoted
    }

    String fingerprintFor(Object request) {
        return fingerprints.of(request);
    }

    /** The key was claimed by a request that has committed its answer since: replay it, outside the failed transaction. */
    private static final class AnsweredMeanwhile extends RuntimeException {
        AnsweredMeanwhile() {
            super(null, null, false, false);
        }
    }
}
