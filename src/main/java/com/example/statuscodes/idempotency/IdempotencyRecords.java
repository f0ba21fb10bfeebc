package com.example.statuscodes.idempotency;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Optional;

interface IdempotencyRecords extends JpaRepository<IdempotencyRecord, Long> {

    Optional<IdempotencyRecord> findByScopeAndKey(String scope, String key);

    @Modifying
    @Query("delete from IdempotencyRecord r where r.expiresAt <= :now")
    int deleteExpired(Instant now);

    @Modifying
    @Query("delete from IdempotencyRecord r where r.scope = :scope and r.key = :key and r.expiresAt <= :now")
    int deleteExpired(String scope, String key, Instant now);
}
