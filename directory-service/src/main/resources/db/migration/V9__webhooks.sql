-- Webhooks for school MIS and partnership integrations (docs/adr/0018-webhooks.md, docs/integrations.md#webhooks).

-- A receiver registered for a partnership or a school, and the event types it wants.
create table webhook_subscription (
    id                    uuid primary key,
    version               bigint        not null default 0,
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    url                   varchar(2048) not null,
    event_types           text[]        not null,
    partnership_id        uuid references partnership (id),
    school_urn            char(6) references school (urn),
    description           varchar(500),
    active                boolean       not null default true,
    created_by            varchar(200)  not null,
    -- whsec_ + base64 of the key; the previous one still signs until previous_secret_until (rotation's grace period)
    secret                varchar(100)  not null,
    previous_secret       varchar(100),
    previous_secret_until timestamptz,
    check ((partnership_id is null) <> (school_urn is null))
);
create index webhook_subscription_by_partnership on webhook_subscription (partnership_id) where partnership_id is not null;
create index webhook_subscription_by_school on webhook_subscription (school_urn) where school_urn is not null;

-- One event to send to one subscription: written by the consumer, sent by the dispatcher.
create table webhook_delivery (
    id              uuid primary key,
    version         bigint        not null default 0,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    subscription_id uuid          not null references webhook_subscription (id) on delete cascade,
    event_id        varchar(200)  not null,
    event_type      varchar(200)  not null,
    body            text          not null,
    status          varchar(16)   not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer       not null default 0,
    -- attempts since the delivery was written or last replayed: the place in the retry schedule
    round_attempts  integer       not null default 0,
    next_attempt_at timestamptz,
    last_status     integer,
    last_error      varchar(500),
    delivered_at    timestamptz,
    unique (event_id, subscription_id)
);
create index webhook_delivery_by_subscription on webhook_delivery (subscription_id, updated_at, id);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';

-- Each time a delivery was sent.
create table webhook_attempt (
    id           uuid primary key,
    version      bigint       not null default 0,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    delivery_id  uuid         not null references webhook_delivery (id) on delete cascade,
    attempted_at timestamptz  not null,
    status_code  integer,
    error        varchar(500),
    duration_ms  bigint       not null
);
create index webhook_attempt_by_delivery on webhook_attempt (delivery_id, attempted_at);
create index webhook_attempt_by_time on webhook_attempt (attempted_at);
