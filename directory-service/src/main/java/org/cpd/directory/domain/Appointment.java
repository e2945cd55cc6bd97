package org.cpd.directory.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;

/**
 * A practitioner appointed school lead of one school or partnership admin of one partnership. Ended,
 * never deleted. The creator of a partnership who has no practitioner record (the bootstrap admin) is
 * appointed by their account instead ({@link #accountSubject}).
 */
@Entity
@Table(name = "appointment")
public class Appointment extends TrackedEntity {

    @Enumerated(EnumType.STRING)
    public AppointmentRole role;

    public UUID practitionerId;

    public String accountSubject;

    // part of every view and event of the appointment (the URN)
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "school_id")
    public School school;

    public UUID partnershipId;

    public String appointedBy;

    public Instant endedAt;

    public String endedBy;

    public static Appointment schoolLead(UUID practitionerId, School school, String appointedBy) {
        Appointment a = new Appointment();
        a.role = AppointmentRole.SCHOOL_LEAD;
        a.practitionerId = practitionerId;
        a.school = school;
        a.appointedBy = appointedBy;
        return a;
    }

    public static Appointment partnershipAdmin(UUID practitionerId, String accountSubject, UUID partnershipId, String appointedBy) {
        Appointment a = new Appointment();
        a.role = AppointmentRole.PARTNERSHIP_ADMIN;
        a.practitionerId = practitionerId;
        a.accountSubject = accountSubject;
        a.partnershipId = partnershipId;
        a.appointedBy = appointedBy;
        return a;
    }

    /** A school lead works at the school they lead, and is active. */
    public static boolean eligibleAsSchoolLead(Practitioner p, School school) {
        return p != null && p.active && p.school != null && p.school.id.equals(school.id);
    }

    /** A partnership admin belongs to the partnership (through their school or organisation), and is active. */
    public static boolean eligibleAsPartnershipAdmin(Practitioner p, UUID partnershipId) {
        return p != null && p.active && p.partnerships().contains(partnershipId);
    }

    /**
     * Whether the holder still qualifies: a school lead while they are active and work at the school (a move
     * to another school ends it), a partnership admin while they are active (a partnership's creator is its
     * admin before any of its schools employs them). An appointment by account has no record to check.
     */
    public boolean stillEligible(Practitioner holder) {
        if (practitionerId == null) {
            return true;
        }
        return role == AppointmentRole.SCHOOL_LEAD ? eligibleAsSchoolLead(holder, school) : holder != null && holder.active;
    }

    public boolean isCurrent() {
        return endedAt == null;
    }

    /** Ends the appointment; false when it had ended already (ending is idempotent). */
    public boolean end(String by) {
        if (!isCurrent()) {
            return false;
        }
        endedAt = TrackedEntity.now();
        endedBy = by;
        return true;
    }
}
