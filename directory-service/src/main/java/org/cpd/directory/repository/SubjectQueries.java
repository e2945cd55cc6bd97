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
}
