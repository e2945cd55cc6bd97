package org.cpd.directory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.cpd.directory.domain.Appointment;

/** What the directory holds about one person beyond their own record: for a subject access export. */
@ApplicationScoped
public class SubjectQueries {

    @Inject
    EntityManager em;

    /** The people the person line-manages. */
    public List<UUID> lineManagedBy(UUID managerId) {
        return em.createQuery("select p.id from Practitioner p join p.lineManagerIds m where m = :id order by p.id", UUID.class)
                .setParameter("id", managerId).getResultList();
    }

    /** The people the person appraises. */
    public List<UUID> appraisedBy(UUID appraiserId) {
        return em.createQuery("select p.id from Practitioner p join p.appraiserIds a where a = :id order by p.id", UUID.class)
                .setParameter("id", appraiserId).getResultList();
    }

    /** Every appointment the person held or holds, ended ones included, oldest first. */
    public List<Appointment> appointmentsOf(UUID practitionerId) {
        return em.createQuery("from Appointment a where a.practitionerId = :id order by a.createdAt, a.id", Appointment.class)
                .setParameter("id", practitionerId).getResultList();
    }

    /** The people whose line manager or appraiser the person is. */
    public List<UUID> linkedTo(UUID practitionerId) {
        return em.createNativeQuery("""
                select practitioner_id from line_management where manager_id = ?1
                union select practitioner_id from appraisal where appraiser_id = ?1 order by 1""", UUID.class)
                .setParameter(1, practitionerId).getResultList();
    }

    /** Erasure: the MIS's ids of the person go, in the staff-sync reports too (the outcome rows stay). */
    public void forgetMisIds(UUID practitionerId) {
        em.createNativeQuery("delete from practitioner_mis_id where practitioner_id = ?1").setParameter(1, practitionerId)
                .executeUpdate();
        em.createNativeQuery("update staff_sync_row set mis_staff_id = null where practitioner_id = ?1")
                .setParameter(1, practitionerId).executeUpdate();
    }
}
