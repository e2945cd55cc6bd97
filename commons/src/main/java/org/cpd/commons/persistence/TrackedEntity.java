package org.cpd.commons.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import org.cpd.commons.domain.Versioned;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Base of every aggregate root: a UUID id, an optimistic-lock version (the ETag) and the
 * timestamps behind {@code updatedSince} and cursor paging.
 */
@MappedSuperclass
public abstract class TrackedEntity extends PanacheEntityBase implements Versioned {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(updatable = false)
    public Instant createdAt;

    public Instant updatedAt;

    @PrePersist
    void beforeInsert() {
        if (id == null) {
            id = UUID.randomUUID();
        }
        createdAt = now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void beforeUpdate() {
        updatedAt = now();
    }

    /** PostgreSQL keeps microseconds: truncating keeps cursors equal to what the database returns. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long currentVersion() {
        return version;
    }
}
