-- Counts the changes of an account's password and role. Every token carries the count it was issued with, and a
-- token whose count is not the account's current one is refused (auth.AccountJwtAuthenticationConverter): a password
-- or role change ends every token issued before it, on every instance. Portable SQL: H2 and PostgreSQL.
alter table users add column credentials_version integer default 0 not null;
