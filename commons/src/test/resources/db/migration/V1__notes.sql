create table note (
    id         uuid primary key,
    version    bigint      not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    title      text        not null,
    priority   integer     not null,
    colour     text        not null
);
create table received_note (
    id       uuid primary key,
    title    text    not null,
    received integer not null
);
