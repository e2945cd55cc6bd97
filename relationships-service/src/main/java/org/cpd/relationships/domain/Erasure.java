package org.cpd.relationships.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** This service's record of a person's erasure (docs/adr/0043-erasure.md); written once, never changed. */
@Entity
@Table(name = "erasure")
public class Erasure extends PanacheEntityBase {

    @Id
    @Column(name = "practitioner_id")
    public UUID practitionerId;

    /** The directory's erasure record. */
    @Column(name = "erasure_id", nullable = false)
    public UUID erasureId;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "partnership_ids", columnDefinition = "uuid[]", nullable = false)
    public UUID[] partnershipIds = new UUID[0];

    /** How many of the person's relationships were reduced to statistics. */
    @Column(nullable = false)
    public int relationships;

    /** How many of their conversations lost their notes and summary. */
    @Column(nullable = false)
    public int conversations;

    public Set<UUID> partnerships() {
        return new LinkedHashSet<>(Arrays.asList(partnershipIds));
    }
}
