package org.cpd.relationships.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.relationships.domain.Person;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A practitioner as this service knows them from directory events (the local read model). */
@Entity
@Table(name = "practitioner")
public class KnownPractitioner extends TrackedEntity {

    public boolean active;

    public String schoolUrn;

    /** University or consultancy, for supporters from outside schools. */
    public UUID organisationId;

    public String careerStage;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] partnershipIds = new UUID[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] lineManagerIds = new UUID[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] appraiserIds = new UUID[0];

    /** The practitioner this record was merged into in the directory (then it is inactive); null otherwise. */
    public UUID mergedInto;

    public Person toPerson() {
        return new Person(id, active, schoolUrn, set(partnershipIds), set(lineManagerIds), set(appraiserIds), mergedInto);
    }

    static Set<UUID> set(UUID[] ids) {
        return ids == null ? Set.of() : Set.copyOf(Arrays.asList(ids));
    }
}
