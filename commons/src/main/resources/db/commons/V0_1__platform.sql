-- Tables every service has: outbox, inbox, idempotency keys, audit log.

create table outbox_event (
    sequence       bigint generated always as identity primary key,
    event_id       uuid        not null unique,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    event_type     text        not null,
    payload        text        not null,
    occurred_at    timestamptz not null,
    trace_parent   text,
    published_at   timestamptz,
    attempts       integer     not null default 0
);
-- The relay reads only what is still to be published, in order.
create index outbox_event_pending on outbox_event (sequence) where published_at is null;

create table inbox_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

create table idempotency_record (
    record_key        text primary key,
    request_hash      text        not null,
    response_status   integer,
    response_body     text,
    response_location text,
    created_at        timestamptz not null
);
create index idempotency_record_created on idempotency_record (created_at);

create table audit_entry (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz not null,
    actor         text        not null,
    action        text        not null,
    resource_type text        not null,
    resource_id   text        not null,
    details       text,
    request_id    text
);
create index audit_entry_resource on audit_entry (resource_type, resource_id);
