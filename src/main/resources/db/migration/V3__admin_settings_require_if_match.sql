-- The admin setting requireIfMatch (428 Precondition Required on user writes without If-Match); off by default, so
-- the guide's plain PUT keeps answering 200. Portable SQL: H2 and PostgreSQL.
alter table admin_settings add column require_if_match boolean default false not null;
