package org.cpd.directory.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person of the partnership: teacher, leader, trainee or external specialist. Never hard-deleted. */
@Entity
@Table(name = "practitioner")
public class Practitioner extends TrackedEntity {

    public String fullName;

    public String email;

    public String trn;

    // The school, organisation and links are part of every view of the record and every event about it:
    // loaded with it, so a view can be built after the use case's transaction has ended.
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "school_id")
    public School school;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    @Enumerated(EnumType.STRING)
    public CareerStage careerStage;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] subjects = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] phases = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] partnershipIds = new UUID[0];

    public boolean active = true;

    /** When the person was deactivated (retention counts from it); null while active. */
    public java.time.Instant deactivatedAt;

    /** The record this one was merged into (then it is deactivated and kept as a tombstone); null otherwise. */
    public UUID mergedInto;

    public java.time.Instant mergedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "line_management", joinColumns = @JoinColumn(name = "practitioner_id"))
    @Column(name = "manager_id")
    public Set<UUID> lineManagerIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "appraisal", joinColumns = @JoinColumn(name = "practitioner_id"))
    @Column(name = "appraiser_id")
    public Set<UUID> appraiserIds = new LinkedHashSet<>();

    /** Places the practitioner in a school or an organisation; their partnerships follow from it. */
    public void placeAt(School school, Organisation organisation) {
        this.school = school;
        this.organisation = organisation;
        Set<UUID> partnerships = new LinkedHashSet<>();
        if (school != null) {
            partnerships.addAll(school.partnershipIds);
        }
        if (organisation != null) {
            partnerships.addAll(organisation.partnershipIds);
        }
        this.partnershipIds = partnerships.toArray(UUID[]::new);
    }

    public Set<UUID> partnerships() {
        return new LinkedHashSet<>(Arrays.asList(partnershipIds));
    }

    public boolean sharesPartnershipWith(Set<UUID> partnerships) {
        return Arrays.stream(partnershipIds).anyMatch(partnerships::contains);
    }

    /** Deactivates the person, from {@code at}; a person already inactive keeps the instant they were deactivated. */
    public void deactivate(java.time.Instant at) {
        if (active) {
            active = false;
            deactivatedAt = at;
        }
    }

    /** The person is active again: retention no longer counts from an earlier deactivation. */
    public void reactivate() {
        active = true;
        deactivatedAt = null;
    }

    public boolean isMerged() {
        return mergedInto != null;
    }

    /** The name every erased person gets (docs/adr/0043-erasure.md). */
    public static final String ERASED_NAME = "Erased person";

    /** The reserved domain (RFC 2606) of every erased person's e-mail. */
    public static final String ERASED_DOMAIN = "@erased.invalid";

    /**
     * Erasure (UK GDPR): the personal fields replaced or cleared, the person deactivated and unlinked from line
     * management and appraisal. The id, the school or organisation, the partnerships and the career stage stay, so
     * statistics still count the person. The e-mail becomes a unique address of a reserved domain (RFC 2606) that
     * names nobody, as the column and its unique index require one.
     */
    public void anonymise() {
        fullName = ERASED_NAME;
        email = "erased-" + id + ERASED_DOMAIN;
        trn = null;
        subjects = new String[0];
        phases = new String[0];
        deactivate(TrackedEntity.now());
        lineManagerIds.clear();
        appraiserIds.clear();
        touch();
    }

    /** Changes are made visible to updatedSince even when only a link collection changed. */
    public void touch() {
        updatedAt = TrackedEntity.now();
    }
}
