-- A key is now written in the same transaction as the work and its answer (idempotency.Idempotency), so a committed
-- row always has its status. Rows without one were left by a request that died under the earlier scheme, which
-- committed the key first: they would block their key until they expire. Portable SQL: H2 and PostgreSQL.
delete from idempotency_keys where status is null;
