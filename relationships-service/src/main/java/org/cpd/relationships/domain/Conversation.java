package org.cpd.relationships.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.Caller;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A learning conversation of a relationship. Its confidential notes are for the relationship's
 * participants only (docs/architecture.md#rule-3-confidential-reflection): {@link #notesFor} is the one way to read them.
 */
@Entity
@Table(name = "conversation")
public class Conversation extends TrackedEntity {

    public UUID relationshipId;

    @Enumerated(EnumType.STRING)
    public ConversationStatus status;

    public Instant startsAt;

    public int durationMinutes;

    @Enumerated(EnumType.STRING)
    public Setting setting;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] activities = new String[0];

    @Enumerated(EnumType.STRING)
    public AgendaOwner agendaOwner;

    /** Who held the coach role: the supporter, or in co-coaching one of the peers (docs/architecture.md#rule-5-co-coaching-reciprocity). */
    public UUID coachId;

    public String sharedSummary;

    String confidentialNotes;

    public String recordedBy;

    /** The details of a conversation as given by a participant. */
    public record Details(Instant startsAt, int durationMinutes, Setting setting, List<String> activities,
                          AgendaOwner agendaOwner, UUID coachId, String sharedSummary, String confidentialNotes) {
    }

    /** Plans or records a conversation; it is HELD when it started before {@code now}. */
    public static Conversation of(Relationship r, Details d, Caller actor, Instant now) {
        if (!RelationshipAccess.isParticipant(actor, r)) {
            throw RuleViolation.forbidden("Only the relationship's participants record its conversations");
        }
        if (r.status != RelationshipStatus.ACTIVE) {
            throw RuleViolation.conflict("relationship-not-active",
                    "Conversations belong to an ACTIVE relationship; this one is " + r.status);
        }
        Conversation c = new Conversation();
        c.id = UUID.randomUUID();
        c.relationshipId = r.id;
        c.recordedBy = Callers.label(actor);
        c.apply(r, d, d.startsAt().isAfter(now) ? ConversationStatus.PLANNED : ConversationStatus.HELD);
        return c;
    }

    /** A planned conversation took place: its record is completed. */
    public void record(Relationship r, Details d, Caller actor) {
        if (!RelationshipAccess.isParticipant(actor, r)) {
            throw RuleViolation.forbidden("Only the relationship's participants record its conversations");
        }
        r.requireNotAnonymised();
        if (status == ConversationStatus.HELD) {
            throw RuleViolation.conflict("conversation-already-recorded", "This conversation has already been recorded");
        }
        recordedBy = Callers.label(actor);
        apply(r, d.startsAt() == null ? new Details(startsAt, d.durationMinutes(), d.setting(), d.activities(),
                d.agendaOwner(), d.coachId(), d.sharedSummary(), d.confidentialNotes()) : d, ConversationStatus.HELD);
    }

    private void apply(Relationship r, Details d, ConversationStatus newStatus) {
        Set<String> unknown = ActivityCatalogue.unknownFor(r.form, d.activities() == null ? List.of() : d.activities());
        if (!unknown.isEmpty()) {
            throw RuleViolation.invalidField("activities", "not in the " + r.form + " catalogue: " + String.join(", ", unknown));
        }
        if (newStatus == ConversationStatus.HELD && d.agendaOwner() == null) {
            throw RuleViolation.invalidField("agendaOwner", "a held conversation records who set the agenda");
        }
        UUID coach = d.coachId();
        if (r.form == SupportForm.CO_COACHING) {
            if (newStatus == ConversationStatus.HELD && coach == null) {
                throw RuleViolation.invalidField("coachId", "co-coaching records which peer held the coach role");
            }
        } else if (coach == null) {
            coach = r.supporter().orElse(null);
        }
        if (coach != null && r.participant(coach).isEmpty()) {
            throw RuleViolation.invalidField("coachId", "must be one of the relationship's participants");
        }
        if (r.form != SupportForm.CO_COACHING && coach != null && !coach.equals(r.supporter().orElse(null))) {
            throw RuleViolation.invalidField("coachId", "in " + r.form + " the supporter holds the coach role");
        }
        status = newStatus;
        startsAt = d.startsAt();
        durationMinutes = d.durationMinutes();
        setting = d.setting();
        activities = d.activities() == null ? new String[0] : d.activities().toArray(String[]::new);
        agendaOwner = d.agendaOwner();
        coachId = coach;
        sharedSummary = d.sharedSummary();
        confidentialNotes = d.confidentialNotes();
    }

    /** docs/architecture.md#rule-3-confidential-reflection: the notes, for a participant; nothing for anyone else. */
    public String notesFor(Relationship r, Caller actor) {
        if (!r.id.equals(relationshipId) || !RelationshipAccess.readsConfidentialNotes(actor, r)) {
            return null;
        }
        return confidentialNotes;
    }

    public boolean hasConfidentialNotes() {
        return confidentialNotes != null && !confidentialNotes.isBlank();
    }
}
