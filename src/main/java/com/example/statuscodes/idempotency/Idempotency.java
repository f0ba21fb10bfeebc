package com.example.statuscodes.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} (draft-ietf-httpapi-idempotency-key-header): a client whose connection dropped can send
 * the same request again with the same key and get the first answer, instead of a second account or a 409.
 * <ul>
 *   <li>first request with a key: processed; its response (status, Location, ETag, body) kept for {@code ttl}</li>
 *   <li>same key, same request: the kept response, replayed ({@code Idempotent-Replayed: true}); nothing runs again</li>
 *   <li>same key, another request: 422 ({@link IdempotencyKeyReusedException})</li>
 *   <li>same key while the first is still running: 409 ({@link IdempotencyKeyInUseException})</li>
 *   <li>a header that is no valid key: 400 ({@link InvalidIdempotencyKeyException})</li>
 * </ul>
 * Keys live in the database, so every instance sees them, and are scoped: a signed-in user's keys are theirs
 * alone; anonymous keys share one scope, where a replay also needs the identical request (an unguessable key,
 * and the same body, password included). A failed request keeps no key: the client may correct it and retry.
 */
@Service
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(Idempotency.class);
    private static final Pattern KEY = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}"); // visible ASCII but " and \

    private final IdempotencyRecords records;
    private final IdempotencyProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate newTransaction;

    Idempotency(IdempotencyRecords records, IdempotencyProperties properties, JsonMapper json, Clock clock,
                PlatformTransactionManager transactions) {
        this.records = records;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        IdempotencyRecord record;
        try {
            record = newTransaction.execute(status -> claim(scope, key, fingerprint));
        } catch (DataIntegrityViolationException claimedAtTheSameMoment) {
            throw new IdempotencyKeyInUseException();
        }
        if (!record.getFingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        if (!record.inFlight()) {
            return replay(record, bodyType);
        }
        return runAndKeep(record.getId(), action); // in flight with our fingerprint: the record claim() just made
    }

    /** The key's record: an existing one, or a new one in flight, committed before the request runs. */
    private IdempotencyRecord claim(String scope, String key, String fingerprint) {
        Instant now = Instant.now(clock);
        IdempotencyRecord existing = records.findByScopeAndKey(scope, key).orElse(null);
        if (existing != null && !existing.stale(now, properties.inFlightTimeout())) {
            if (existing.inFlight() && existing.getFingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyInUseException();
            }
            return existing;
        }
        if (existing != null) {
            records.delete(existing);
            records.flush();
        }
        return records.saveAndFlush(new IdempotencyRecord(scope, key, fingerprint, now, properties.ttl()));
    }

    private <T> ResponseEntity<T> runAndKeep(long recordId, Supplier<ResponseEntity<T>> action) {
        ResponseEntity<T> response;
        try {
            response = action.get();
        } catch (RuntimeException failed) {
            forget(recordId);
            throw failed;
        }
        try {
            String body = json.writeValueAsString(response.getBody());
            newTransaction.executeWithoutResult(status -> records.findById(recordId).ifPresent(record -> record.complete(
                    response.getStatusCode().value(),
                    response.getHeaders().getLocation() != null ? response.getHeaders().getLocation().toString() : null,
                    response.getHeaders().getETag(), body)));
        } catch (DataAccessException notKept) {
            // The request did its work: its answer stands. A retry is answered 409 until the key goes stale.
            log.warn("Could not keep the response of idempotency record {}", recordId, notKept);
        }
        return response;
    }

    private void forget(long recordId) {
        try {
            newTransaction.executeWithoutResult(status -> records.deleteById(recordId));
        } catch (DataAccessException notForgotten) {
            log.warn("Could not release idempotency record {}", recordId, notForgotten);
        }
    }

    private <T> ResponseEntity<T> replay(IdempotencyRecord record, Class<T> bodyType) {
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
        newTransaction.executeWithoutResult(status -> records.deleteExpired(Instant.now(clock)));
    }

    private static String parse(String rawKey) {
        String key = rawKey.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1); // the draft's form: a Structured Field string
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidIdempotencyKeyException();
        }
        return key;
    }

    String fingerprintFor(Object request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
