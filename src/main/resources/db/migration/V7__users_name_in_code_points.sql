-- A name is at most 100 characters counted as code points (users.CodePoints, what JSON Schema's maxLength counts), so
-- 100 emoji are a valid name: 200 UTF-16 units, which is how H2 measures a varchar. PostgreSQL counts characters and
-- needed no change; 200 there still holds nothing the rule allows beyond 100. Portable SQL: H2 and PostgreSQL.
alter table users alter column name set data type varchar(200);
