package org.cpd.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The record that a person's data was erased (one per person: erasing again answers with it). */
@Entity
@Table(name = "erasure")
public class Erasure extends TrackedEntity {

    @Column(updatable = false)
    public UUID practitionerId;

    @Column(updatable = false)
    public Instant requestedAt;

    /** The token subject of the admin who asked. */
    @Column(updatable = false)
    public String requestedBy;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(updatable = false)
    public UUID[] partnershipIds = new UUID[0];

    public static Optional<Erasure> of(UUID practitionerId) {
        return find("practitionerId", practitionerId).firstResultOptional();
    }

    public Set<UUID> partnerships() {
        return new LinkedHashSet<>(Arrays.asList(partnershipIds));
    }
}
