package com.example.statuscodes.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.time.Duration;
import java.time.Instant;

/**
 * One {@code Idempotency-Key} as the server remembers it: whose it is (scope), which request it was used for
 * (an HMAC of the request, never the request itself: it may carry a password; {@link RequestFingerprints}), and,
 * once that request is done, the response to replay. Written in the same transaction as the work, so a committed
 * record always holds its answer. The unique constraint on (scope, key) decides which of two concurrent requests with one key runs: the
 * other one's insert waits for the first transaction, then fails (an answer to replay) or succeeds (it rolled back).
 */
@Entity
@Table(name = "idempotency_keys",
        uniqueConstraints = @UniqueConstraint(name = "uk_idempotency_keys_scope_key", columnNames = {"scope", "idempotency_key"}))
class IdempotencyRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String scope;

    @Column(name = "idempotency_key", nullable = false, length = 128)
    private String key;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant expiresAt;

    /** Null only inside the transaction that claims the key, until its answer is known. */
    private Integer status;

    @Column(length = 255)
    private String location;

    @Column(length = 64)
    private String etag;

    @Column(length = 4000)
    private String body;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(String scope, String key, String fingerprint, Instant now, Duration ttl) {
        this.scope = scope;
        this.key = key;
        this.fingerprint = fingerprint;
        this.createdAt = now;
        this.expiresAt = now.plus(ttl);
    }

    void complete(int status, String location, String etag, String body) {
        this.status = status;
        this.location = location;
        this.etag = etag;
        this.body = body;
    }

    Long getId() {
        return id;
    }

    String getFingerprint() {
        return fingerprint;
    }

    Integer getStatus() {
        return status;
    }

    String getLocation() {
        return location;
    }

    String getEtag() {
        return etag;
    }

    String getBody() {
        return body;
    }
}
