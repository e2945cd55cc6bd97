package org.cpd.goals.domain;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;

/**
 * The columns goals and evidence share for {@link AccessPolicy}: who owns the item and how it is
 * shared. The relationships it is shared with live in each entity's own collection table.
 */
@MappedSuperclass
public abstract class SharedItem extends TrackedEntity implements Shareable {

    @Column(name = "owner_id", nullable = false, updatable = false)
    public UUID ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility = Visibility.PRIVATE;

    @Column(name = "school_urn")
    public String schoolUrn;

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
