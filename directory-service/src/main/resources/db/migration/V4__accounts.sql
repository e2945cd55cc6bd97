-- Provisioning of practitioners' logins (ADR 0015). A row is written or bumped in the transaction of
-- every directory change that affects the account; a worker brings Keycloak up to date afterwards,
-- retrying with back-off, so a directory write never waits for Keycloak.
create table account (
    id                uuid primary key references practitioner (id),
    version           bigint       not null default 0,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    state             varchar(16)  not null check (state in ('PENDING', 'INVITED', 'ACTIVE', 'DISABLED')),
    keycloak_user_id  varchar(64),
    generation        bigint       not null,
    synced_generation bigint       not null default 0,
    invite_requested  boolean      not null default false,
    attempts          integer      not null default 0,
    next_attempt_at   timestamptz,
    last_error        varchar(500),
    synced_at         timestamptz
);
create index account_due on account (next_attempt_at) where generation > synced_generation or invite_requested;
create index account_invited on account (synced_at) where state = 'INVITED';
