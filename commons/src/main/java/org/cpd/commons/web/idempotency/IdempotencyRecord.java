package org.cpd.commons.web.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The outcome of a create made with an Idempotency-Key, kept to replay it. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    /** scope + caller + key, hashed: keys are per caller and per operation. */
    @Id
    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "response_location")
    public String responseLocation;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
