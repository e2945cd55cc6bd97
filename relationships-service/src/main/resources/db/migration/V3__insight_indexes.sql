-- Indexes for the insight aggregates (InsightQueries): the partnership scope through the read
-- model's partnerships, the school scope through the participants' schools, proposals by date.
create index practitioner_partnerships on practitioner using gin (partnership_ids);
create index practitioner_school on practitioner (school_urn);
create index relationship_participant_school on relationship_participant (school_urn, relationship_id);
create index relationship_participant_relationship on relationship_participant (relationship_id, role);
create index relationship_proposed on relationship (proposed_at);
create index conversation_coach on conversation (relationship_id, coach_id) where status = 'HELD';
