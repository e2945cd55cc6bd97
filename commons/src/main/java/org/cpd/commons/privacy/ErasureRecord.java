package org.cpd.commons.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.security.Caller;
import org.cpd.contracts.directory.PractitionerErasedData;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What every service that applies the directory's practitioner-erased event records of it
 * (docs/adr/0043-erasure.md): one row per person, written once in the transaction of the erasure and
 * never changed, so a replayed event finds it and changes nothing. Each service's entity adds the
 * counts of what it erased.
 */
@MappedSuperclass
public abstract class ErasureRecord extends PanacheEntityBase {

    @Id
    public UUID practitionerId;

    /** The directory's erasure record. */
    public UUID erasureId;

    public Instant requestedAt;

    public Instant appliedAt;

    /** The person's partnerships when they were erased, from the event: the service may hold nothing else of them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] partnershipIds = new UUID[0];

    /** Fills in what the event says, for the erasure applied at {@code appliedAt}. */
    public void recordOf(PractitionerErasedData event, Instant appliedAt) {
        practitionerId = event.practitionerId();
        erasureId = event.erasureId();
        requestedAt = event.requestedAt();
        this.appliedAt = appliedAt;
        partnershipIds = event.partnershipIds() == null ? new UUID[0] : event.partnershipIds().toArray(UUID[]::new);
    }

    public Set<UUID> partnerships() {
        return new LinkedHashSet<>(Arrays.asList(partnershipIds));
    }

    /** The status is for an admin of a partnership the person was in when erased; anyone else gets 404. */
    public boolean readableBy(Caller caller) {
        return caller.isPartnershipAdmin() && partnerships().stream().anyMatch(caller::administers);
    }
}
