package org.cpd.relationships.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.UUID;

/** A participant's signature of one agreement version. */
@Embeddable
public class Signature {

    @Column(name = "practitioner_id", nullable = false)
    public UUID practitionerId;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;

    protected Signature() {
    }

    public Signature(UUID practitionerId, Instant signedAt) {
        this.practitionerId = practitionerId;
        this.signedAt = signedAt;
    }
}
