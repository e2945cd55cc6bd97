package org.cpd.commons.web.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
    public String recordKey;

    public String requestHash;

    public Integer responseStatus;

    public String responseBody;

    public String responseLocation;

    public Instant createdAt;
}
