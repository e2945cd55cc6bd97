package org.cpd.directory.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.cpd.commons.persistence.TrackedEntity;

@Entity
@Table(name = "partnership")
public class Partnership extends TrackedEntity {

    public String name;

    @Enumerated(EnumType.STRING)
    public PartnershipKind kind;

    public String description;
}
