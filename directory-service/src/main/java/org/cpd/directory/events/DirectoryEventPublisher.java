package org.cpd.directory.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.cpd.commons.events.outbox.Outbox;
import org.cpd.contracts.directory.AppointmentData;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.directory.OrganisationData;
import org.cpd.contracts.directory.PartnershipData;
import org.cpd.contracts.directory.PractitionerData;
import org.cpd.contracts.directory.PractitionerMergedData;
import org.cpd.contracts.directory.PractitionerErasedData;
import org.cpd.contracts.directory.SchoolData;
import org.cpd.contracts.directory.SupportOfferData;
import org.cpd.directory.domain.Appointment;
import org.cpd.directory.domain.Erasure;
import org.cpd.directory.domain.Organisation;
import org.cpd.directory.domain.Partnership;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.School;
import org.cpd.directory.domain.SupportOffer;
import org.cpd.directory.repository.SupporterCache;

/**
 * The directory's one publisher: one method per event type of {@link DirectoryEvents}, each writing the
 * contract's payload to the outbox in the caller's transaction. Public facts only.
 */
@ApplicationScoped
public class DirectoryEventPublisher {

    @Inject
    Outbox outbox;

    @Inject
    SupporterCache supporters;

    // ---- partnerships, schools, organisations

    public void partnershipCreated(Partnership p) {
        partnershipCreated(partnershipData(p));
    }

    public void partnershipCreated(PartnershipData data) {
        send(DirectoryEvents.PARTNERSHIP_CREATED, "partnership", data.id(), data);
    }

    public void partnershipUpdated(Partnership p) {
        send(DirectoryEvents.PARTNERSHIP_UPDATED, "partnership", p.id, partnershipData(p));
    }

    public void schoolRegistered(School s) {
        schoolRegistered(schoolData(s));
    }

    public void schoolRegistered(SchoolData data) {
        send(DirectoryEvents.SCHOOL_REGISTERED, "school", data.id(), data);
    }

    public void schoolUpdated(School s) {
        send(DirectoryEvents.SCHOOL_UPDATED, "school", s.id, schoolData(s));
    }

    public void organisationRegistered(Organisation o) {
        send(DirectoryEvents.ORGANISATION_REGISTERED, "organisation", o.id, organisationData(o));
    }

    public void organisationUpdated(Organisation o) {
        send(DirectoryEvents.ORGANISATION_UPDATED, "organisation", o.id, organisationData(o));
    }

    // ---- practitioners (matching candidates change with them)

    public void practitionerRegistered(Practitioner p) {
        practitionerRegistered(practitionerData(p));
    }

    public void practitionerRegistered(PractitionerData data) {
        practitioner(DirectoryEvents.PRACTITIONER_REGISTERED, data);
    }

    public void practitionerUpdated(Practitioner p) {
        practitioner(DirectoryEvents.PRACTITIONER_UPDATED, practitionerData(p));
    }

    public void practitionerDeactivated(Practitioner p) {
        practitioner(DirectoryEvents.PRACTITIONER_DEACTIVATED, practitionerData(p));
    }

    public void lineManagementChanged(Practitioner p) {
        practitioner(DirectoryEvents.LINE_MANAGEMENT_CHANGED, practitionerData(p));
    }

    /** Keyed by the retired id, after that record's own deactivation in its stream. */
    public void practitionerMerged(Practitioner retired, Practitioner survivor) {
        supporters.invalidateAfterCommit();
        send(DirectoryEvents.PRACTITIONER_MERGED, "practitioner", retired.id, new PractitionerMergedData(retired.id, survivor.id,
                new TreeSet<>(Arrays.asList(survivor.partnershipIds)), retired.mergedAt));
    }

    /** A person erased: no personal data in the payload but the id (docs/adr/0043-erasure.md). */
    public void practitionerErased(Erasure e) {
        send(DirectoryEvents.PRACTITIONER_ERASED, "practitioner", e.practitionerId, new PractitionerErasedData(
                e.practitionerId, e.id, e.requestedAt, new TreeSet<>(Arrays.asList(e.partnershipIds))));
    }

    /**
     * Practitioners' events of one staff sync: the same types and payloads as the methods above, collected and then
     * written to the outbox as one {@link Outbox#batch()} (an outbox row written through Hibernate is an identity
     * insert, one round trip each, which would also break the batching of everything else).
     */
    public PractitionerBatch practitionerBatch() {
        return new PractitionerBatch();
    }

    /** Events collected for one write; in the order they were added, which is the order they are published in. */
    public final class PractitionerBatch {
        private final Outbox.Batch events = outbox.batch();

        private PractitionerBatch() {
        }

        public void registered(Practitioner p) {
            add(DirectoryEvents.PRACTITIONER_REGISTERED, p);
        }

        public void updated(Practitioner p) {
            add(DirectoryEvents.PRACTITIONER_UPDATED, p);
        }

        public void lineManagementChanged(Practitioner p) {
            add(DirectoryEvents.LINE_MANAGEMENT_CHANGED, p);
        }

        public int size() {
            return events.size();
        }

        private void add(String type, Practitioner p) {
            events.add("practitioner", p.id, type, practitionerData(p));
        }

        /** Writes the collected events in the caller's transaction; the relay is woken once after it commits. */
        public void write() {
            if (events.size() == 0) {
                return;
            }
            supporters.invalidateAfterCommit();
            events.write();
        }
    }

    private void practitioner(String type, PractitionerData data) {
        supporters.invalidateAfterCommit();
        send(type, "practitioner", data.id(), data);
    }

    // ---- support offers: keyed by the practitioner's id, so a practitioner's events stay in one ordered stream

    public void supportOfferPublished(SupportOffer o) {
        supportOfferPublished(offerData(o));
    }

    public void supportOfferPublished(SupportOfferData data) {
        supportOffer(DirectoryEvents.SUPPORT_OFFER_PUBLISHED, data);
    }

    public void supportOfferChanged(SupportOffer o) {
        supportOffer(DirectoryEvents.SUPPORT_OFFER_CHANGED, offerData(o));
    }

    public void supportOfferPaused(SupportOffer o) {
        supportOffer(DirectoryEvents.SUPPORT_OFFER_PAUSED, offerData(o));
    }

    public void supportOfferResumed(SupportOffer o) {
        supportOffer(DirectoryEvents.SUPPORT_OFFER_RESUMED, offerData(o));
    }

    public void capacityChanged(SupportOffer o) {
        capacityChanged(offerData(o));
    }

    public void capacityChanged(SupportOfferData data) {
        supportOffer(DirectoryEvents.CAPACITY_CHANGED, data);
    }

    private void supportOffer(String type, SupportOfferData data) {
        supporters.invalidateAfterCommit();
        send(type, "support-offer", data.practitionerId(), data);
    }

    // ---- appointments

    public void appointmentMade(Appointment a) {
        appointmentMade(appointmentData(a));
    }

    /** Seed data writes its appointments with JDBC; the event is the same. */
    public void appointmentMade(AppointmentData data) {
        send(DirectoryEvents.APPOINTMENT_MADE, "appointment", data.id(), data);
    }

    public void appointmentEnded(Appointment a) {
        send(DirectoryEvents.APPOINTMENT_ENDED, "appointment", a.id, appointmentData(a));
    }

    // ---- payloads

    private static AppointmentData appointmentData(Appointment a) {
        return new AppointmentData(a.id, a.role.name(), a.practitionerId, a.school == null ? null : a.school.urn,
                a.partnershipId, a.createdAt, a.endedAt);
    }

    private static PartnershipData partnershipData(Partnership p) {
        return new PartnershipData(p.id, p.name, p.kind.name());
    }

    private static SchoolData schoolData(School s) {
        return new SchoolData(s.id, s.urn, s.name, s.phase.name(), s.localAuthority, new TreeSet<>(s.partnershipIds));
    }

    private static OrganisationData organisationData(Organisation o) {
        return new OrganisationData(o.id, o.name, o.kind.name(), new TreeSet<>(o.partnershipIds));
    }

    private static PractitionerData practitionerData(Practitioner p) {
        return new PractitionerData(p.id, p.school == null ? null : p.school.urn,
                p.organisation == null ? null : p.organisation.id,
                new TreeSet<>(Arrays.asList(p.partnershipIds)), p.careerStage.name(), p.active,
                new TreeSet<>(p.lineManagerIds), new TreeSet<>(p.appraiserIds));
    }

    private static SupportOfferData offerData(SupportOffer o) {
        return new SupportOfferData(o.id, o.paused, o.capacityByForm(), sorted(o.mentoringPurposes),
                sorted(o.expertiseCodes), sorted(o.workModes));
    }

    private static Set<String> sorted(String[] values) {
        return new LinkedHashSet<>(new TreeSet<>(Arrays.asList(values)));
    }

    /** Every type is a constant of the contracts ({@link DirectoryEvents}), its version included. */
    private void send(String type, String aggregateType, UUID aggregateId, Object data) {
        outbox.publishType(aggregateType, aggregateId, type, data);
    }
}
