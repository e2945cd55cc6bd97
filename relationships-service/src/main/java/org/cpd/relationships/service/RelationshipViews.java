package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.commons.insight.SelfDirection;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.Caller;
import org.cpd.relationships.domain.AgreementVersion;
import org.cpd.relationships.domain.Conversation;
import org.cpd.relationships.domain.ConversationStatus;
import org.cpd.relationships.domain.LearningAgreement;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.repository.ConversationRepository;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Derived views of one relationship: timeline, reciprocity
 * (docs/architecture.md#rule-5-co-coaching-reciprocity), self-direction
 * (docs/architecture.md#rule-6-self-direction), protected time.
 */
@ApplicationScoped
public class RelationshipViews {

    /** A half-term is about six school weeks. */
    static final Duration HALF_TERM = Duration.ofDays(42);

    @Inject
    RelationshipService relationships;

    @Inject
    ConversationRepository conversations;

    @Schema(name = "TimelineEntry", description = "One dated event in a relationship's history (no conversation content).")
    public record TimelineEntry(Instant at, String kind, String action, String status, String actor, String reason,
                                Integer agreementVersion, UUID conversationId, Integer durationMinutes) {
    }

    @Schema(name = "Reciprocity", description = "How often each participant held the coach role in held conversations.")
    public record Reciprocity(UUID relationshipId, int conversations, Map<UUID, Long> coachCount,
                              @Schema(description = "Share of consecutive conversations where the coach role changed hands (0..1).") double alternationRate,
                              @Schema(description = "True when every participant coached and counts differ by at most one.") boolean balanced) {
    }

    @Schema(name = "ProtectedTime", description = "Time budget from the current agreement against time used in held conversations.")
    public record ProtectedTime(UUID relationshipId, BigDecimal protectedHoursPerHalfTerm, boolean coverNeeded,
                                int halfTermsElapsed, long budgetMinutesToDate, long usedMinutes, long plannedMinutes,
                                @Schema(description = "usedMinutes / budgetMinutesToDate, or null without a budget.") Double shareUsed) {
    }

    public List<TimelineEntry> timeline(UUID id, Caller caller) {
        Relationship r = relationships.get(id, caller);
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry(r.proposedAt, "PROPOSED", "PROPOSE", "PROPOSED", r.proposedBy, null, null, null, null));
        r.transitions.forEach(t -> entries.add(new TimelineEntry(t.at, "TRANSITION", t.action.name(), t.toStatus.name(),
                t.actor, t.reason, null, null, null)));
        LearningAgreement a = relationships.agreementOf(r);
        for (AgreementVersion v : a.versions) {
            entries.add(new TimelineEntry(v.createdAt, "AGREEMENT_VERSION", "VERSION", null, v.createdBy, null, v.number, null, null));
            v.signatures.forEach(s -> entries.add(new TimelineEntry(s.signedAt, "AGREEMENT_SIGNATURE", "SIGN", null,
                    s.practitionerId.toString(), null, v.number, null, null)));
        }
        conversations.ofRelationship(id).forEach(c -> entries.add(new TimelineEntry(c.startsAt, "CONVERSATION", c.status.name(), null,
                c.recordedBy, null, null, c.id, c.durationMinutes)));
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    public Reciprocity reciprocity(UUID id, Caller caller) {
        Relationship r = relationships.get(id, caller);
        List<Conversation> held = conversations.ofRelationship(id).stream().filter(c -> c.status == ConversationStatus.HELD).toList();
        Map<UUID, Long> counts = new LinkedHashMap<>();
        r.participantIds().forEach(p -> counts.put(p, 0L));
        held.forEach(c -> {
            if (c.coachId != null) {
                counts.merge(c.coachId, 1L, Long::sum);
            }
        });
        int changes = 0;
        for (int i = 1; i < held.size(); i++) {
            if (held.get(i).coachId != null && !held.get(i).coachId.equals(held.get(i - 1).coachId)) {
                changes++;
            }
        }
        double rate = held.size() < 2 ? 0 : (double) changes / (held.size() - 1);
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long min = counts.values().stream().mapToLong(Long::longValue).min().orElse(0);
        return new Reciprocity(id, held.size(), counts, rate, min > 0 && max - min <= 1);
    }

    /** The shared self-direction measure over the agendas of held conversations, in the order they were held. */
    public SelfDirection selfDirection(UUID id, Caller caller) {
        relationships.get(id, caller);
        return SelfDirection.of(conversations.ofRelationship(id).stream()
                .filter(c -> c.status == ConversationStatus.HELD && c.agendaOwner != null)
                .sorted(Comparator.comparing((Conversation c) -> c.startsAt).thenComparing(c -> c.id))
                .map(c -> new SelfDirection.Point(c.startsAt, c.agendaOwner.name())).toList());
    }

    public ProtectedTime protectedTime(UUID id, Caller caller) {
        Relationship r = relationships.get(id, caller);
        AgreementVersion v = relationships.agreementOf(r).current();
        Instant now = TrackedEntity.now();
        int halfTerms = r.activatedAt == null ? 0
                : (int) Math.max(1, (Duration.between(r.activatedAt, r.endedAt != null ? r.endedAt : now).toDays()
                        + HALF_TERM.toDays() - 1) / HALF_TERM.toDays());
        BigDecimal hours = v.terms.protectedHoursPerHalfTerm;
        long budget = hours == null ? 0 : hours.multiply(BigDecimal.valueOf(60L * halfTerms)).longValue();
        List<Conversation> all = conversations.ofRelationship(id);
        long used = all.stream().filter(c -> c.status == ConversationStatus.HELD).mapToLong(c -> c.durationMinutes).sum();
        long planned = all.stream().filter(c -> c.status == ConversationStatus.PLANNED).mapToLong(c -> c.durationMinutes).sum();
        return new ProtectedTime(id, hours, v.terms.coverNeeded, halfTerms, budget, used, planned,
                budget == 0 ? null : (double) used / budget);
    }
}
