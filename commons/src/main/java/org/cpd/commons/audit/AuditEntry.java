package org.cpd.commons.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Who read or changed protected data, when, from which client, why, and whose data it was.
 * Append-only: the database refuses UPDATE, DELETE and TRUNCATE (V0_2__readable_audit.sql), and Hibernate never
 * writes a change to a loaded entry ({@link Immutable}).
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    /** The service's sequence: with {@link #occurredAt}, the stable reading order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant occurredAt;

    /** The caller's principal name (preferred_username, else sub), as {@code CurrentUser.subject()} gives it. */
    public String actor;

    public UUID actorPractitionerId;

    /** The OAuth client the caller's token was issued to ({@code azp}). */
    public String clientId;

    public String action;

    public String resourceType;

    public String resourceId;

    /** The practitioner whose data it is, when there is one: they may read the entry. */
    public UUID subjectPersonId;

    /** The partnerships whose admins may read the entry. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] partnershipIds = new UUID[0];

    /** Why, in the caller's words (e.g. a buffer-zone override's reason). */
    public String reason;

    /** What the service adds (e.g. "shared WITH_SUPPORTERS"). */
    public String details;

    public String requestId;
}
