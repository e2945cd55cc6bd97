package org.cpd.goals.domain;

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

    /** The person's goals whose free text was cleared. */
    @Column(nullable = false)
    public int goals;

    /** Private evidence deleted. */
    @Column(name = "evidence_deleted", nullable = false)
    public int evidenceDeleted;

    /** Shared evidence kept for statistics, its free text cleared. */
    @Column(name = "evidence_anonymised", nullable = false)
    public int evidenceAnonymised;

    /** Attachments deleted with their large objects. */
    @Column(name = "attachments_deleted", nullable = false)
    public int attachmentsDeleted;

    public Set<UUID> partnerships() {
        return new LinkedHashSet<>(Arrays.asList(partnershipIds));
    }

    /** An erasure's status: an admin of a partnership the person was in when erased. */
    public boolean readableBy(org.cpd.commons.security.Caller caller) {
        return caller.isPartnershipAdmin() && partnerships().stream().anyMatch(caller::administers);
    }
}
