package org.cpd.goals.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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

    @Column(nullable = false)
    public String form;

    @Column(nullable = false)
    public String status;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** Time of the newest event applied: an older event arriving late never overwrites a newer state. */
    @Column(name = "last_event_at", nullable = false)
    public Instant lastEventAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "relationship_participant", joinColumns = @JoinColumn(name = "relationship_id"))
    public Set<Member> participants = new HashSet<>();

    @Embeddable
    public static class Member {
        @Column(name = "practitioner_id", nullable = false)
        public UUID practitionerId;

        @Column(nullable = false)
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

    public RelationshipFacts facts() {
        return new RelationshipFacts(id, status,
                participants.stream().map(m -> m.practitionerId).collect(Collectors.toUnmodifiableSet()));
    }
}
