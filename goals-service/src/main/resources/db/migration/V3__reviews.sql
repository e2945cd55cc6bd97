create table goal_review (
    id          uuid primary key,
    version     bigint      not null default 0,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    goal_id     uuid        not null references goal (id) on delete cascade,
    reviewer_id uuid        not null,
    reviewed_on date        not null,
    progress    varchar(20) not null,
    learned     text        not null,
    why_it_worked text,
    constraint goal_review_progress_chk check (progress in ('NOT_STARTED', 'BEGINNING', 'DEVELOPING', 'SECURE', 'ACHIEVED'))
);
create index goal_review_goal_idx on goal_review (goal_id, reviewed_on);

create table review_action (
    review_id   uuid         not null references goal_review (id) on delete cascade,
    position    int          not null,
    description varchar(500) not null,
    due_on      date         not null,
    primary key (review_id, position)
);
