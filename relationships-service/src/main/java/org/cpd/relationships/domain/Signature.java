package org.cpd.relationships.domain;

import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.UUID;

/** A participant's signature of one agreement version. */
@Embeddable
public class Signature {

    public UUID practitionerId;

    public Instant signedAt;

    protected Signature() {
    }

    public Signature(UUID practitionerId, Instant signedAt) {
        this.practitionerId = practitionerId;
        this.signedAt = signedAt;
    }
}
