package org.cpd.goals.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Local read model of a relationship, kept from relationships-service events. */
@Entity
@Table(name = "relationship_view")
public class RelationshipView extends PanacheEntityBase {

    @Id
    public UUID id;

    public String form;

    public String status;

    public Instant startedAt;

    public Instant endedAt;

    /** Time of the newest event applied: an older event arriving late never overwrites a newer state. */
    public Instant lastEventAt;

    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "relationship_participant", joinColumns = @JoinColumn(name = "relationship_id"))
    public Set<Member> participants = new HashSet<>();

    @Embeddable
    public static class Member {
        public UUID practitionerId;

        public String role;

        public Member() {
        }

        public Member(UUID practitionerId, String role) {
            this.practitionerId = practitionerId;
            this.role = role;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Member m && m.practitionerId.equals(practitionerId);
        }

        @Override
        public int hashCode() {
            return practitionerId.hashCode();
        }
    }

    /** The view of a relationship this service has not heard of before. */
    public static RelationshipView of(UUID id) {
        RelationshipView view = new RelationshipView();
        view.id = id;
        return view;
    }

    /**
     * Takes the state one event reports unless a newer event was applied already (events of one
     * relationship come in order on one partition, but a replay from an older offset must not roll
     * state back). Absent values keep what is known.
     *
     * @return whether the state was taken
     */
    public boolean apply(String form, String status, Set<Member> participants, Instant startedAt, Instant endedAt,
                         Instant eventTime) {
        if (lastEventAt != null && lastEventAt.isAfter(eventTime)) {
            return false;
        }
        if (form != null) {
            this.form = form;
        }
        if (this.form == null) {
            this.form = "UNKNOWN";
        }
        this.status = status;
        if (!participants.isEmpty()) {
            this.participants.clear();
            this.participants.addAll(participants);
        }
        if (startedAt != null) {
            this.startedAt = startedAt;
        }
        if (endedAt != null) {
            this.endedAt = endedAt;
        }
        lastEventAt = eventTime;
        updatedAt = Instant.now();
        return true;
    }

    public RelationshipFacts facts() {
        return new RelationshipFacts(id, status,
                participants.stream().map(m -> m.practitionerId).collect(Collectors.toUnmodifiableSet()));
    }
}
