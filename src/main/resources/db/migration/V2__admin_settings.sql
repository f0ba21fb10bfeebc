-- The admin settings: one row shared by every instance (admin.AdminSettingsStore), so a change made through one
-- instance holds on all of them. The checks repeat AdminSettings' validation rules as a last line of defence.
create table admin_settings (
    id                integer primary key,
    signups_enabled   boolean not null,
    default_page_size integer not null,
    constraint ck_admin_settings_single_row check (id = 1),
    constraint ck_admin_settings_page_size check (default_page_size between 1 and 100)
);

insert into admin_settings (id, signups_enabled, default_page_size) values (1, true, 20);
