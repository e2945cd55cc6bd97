package org.cpd.directory.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;

/** A school, identified by its URN; it may belong to several partnerships. */
@Entity
@Table(name = "school")
public class School extends TrackedEntity {

    public String urn;

    public String name;

    @Enumerated(EnumType.STRING)
    public SchoolPhase phase;

    public String localAuthority;

    // Always part of what is shown and checked: loaded with the entity so it can be read after the transaction.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "school_partnership", joinColumns = @JoinColumn(name = "school_id"))
    @Column(name = "partnership_id")
    public Set<UUID> partnershipIds = new LinkedHashSet<>();
}
