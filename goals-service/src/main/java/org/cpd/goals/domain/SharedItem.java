package org.cpd.goals.domain;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.Caller;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The columns goals and evidence share for {@link AccessPolicy}: who owns the item and how it is
 * shared. The relationships it is shared with live in each entity's own collection table.
 */
@MappedSuperclass
public abstract class SharedItem extends TrackedEntity implements Shareable {

    @Column(updatable = false)
    public UUID ownerId;

    @Enumerated(EnumType.STRING)
    public Visibility visibility = Visibility.PRIVATE;

    public String schoolUrn;

    /**
     * The owner's schools and partnerships when the item was recorded (from their token): what the
     * insight views count it under (ADR 0041), never who may read it.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(updatable = false)
    public String[] ownerSchoolUrns = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(updatable = false)
    public UUID[] ownerPartnershipIds = new UUID[0];

    /** Records the owner's schools and partnerships, from the owner's own caller. */
    public void countUnder(Caller owner) {
        ownerSchoolUrns = owner.schoolUrns().stream().sorted().toArray(String[]::new);
        ownerPartnershipIds = owner.partnershipIds().stream().sorted().toArray(UUID[]::new);
    }

    @Override
    public UUID ownerId() {
        return ownerId;
    }

    @Override
    public Visibility visibility() {
        return visibility;
    }

    @Override
    public String sharedSchoolUrn() {
        return schoolUrn;
    }
}
