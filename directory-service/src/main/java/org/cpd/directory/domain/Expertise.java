package org.cpd.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.cpd.commons.persistence.TrackedEntity;

/** One entry of the managed expertise taxonomy. Retired entries stay so old offers keep their meaning. */
@Entity
@Table(name = "expertise")
public class Expertise extends TrackedEntity {

    @Column(updatable = false)
    public String code;

    public String label;

    @Enumerated(EnumType.STRING)
    public ExpertiseCategory category;

    @Enumerated(EnumType.STRING)
    public Phase phase;

    public String description;

    public boolean active = true;
}
