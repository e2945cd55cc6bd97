package org.cpd.commons.events.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting to be published (or already published). The sequence gives the publishing
 * order, which keeps one aggregate's events in the order they were written.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long sequence;

    public UUID eventId;

    public String aggregateType;

    public String aggregateId;

    public String eventType;

    public String payload;

    public Instant occurredAt;

    public String traceParent;

    public Instant publishedAt;

    public int attempts;
}
