package org.cpd.directory.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.cpd.contracts.directory.OrganisationData;
import org.cpd.contracts.directory.PartnershipData;
import org.cpd.contracts.directory.PractitionerData;
import org.cpd.contracts.directory.SchoolData;
import org.cpd.contracts.directory.SupportOfferData;
import org.cpd.commons.events.outbox.Outbox;
import org.cpd.directory.domain.Organisation;
import org.cpd.directory.domain.Partnership;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.School;
import org.cpd.directory.domain.SupportOffer;
import org.cpd.directory.persistence.SupporterCache;

/** Turns directory changes into outbox events (same transaction as the change). Public facts only. */
@ApplicationScoped
public class DirectoryEventPublisher {

    @Inject
    Outbox outbox;

    @Inject
    SupporterCache supporters;

    public void partnership(String name, Partnership p) {
        outbox.publish("partnership", p.id, name, new PartnershipData(p.id, p.name, p.kind.name()));
    }

    public void school(String name, School s) {
        outbox.publish("school", s.id, name, new SchoolData(s.id, s.urn, s.name, s.phase.name(), s.localAuthority,
                new TreeSet<>(s.partnershipIds)));
    }

    public void organisation(String name, Organisation o) {
        outbox.publish("organisation", o.id, name, new OrganisationData(o.id, o.name, o.kind.name(),
                new TreeSet<>(o.partnershipIds)));
    }

    public void practitioner(String name, Practitioner p) {
        supporters.invalidateAfterCommit();
        outbox.publish("practitioner", p.id, name, practitionerData(p));
    }

    public static PractitionerData practitionerData(Practitioner p) {
        return new PractitionerData(p.id, p.fullName, p.school == null ? null : p.school.urn,
                p.organisation == null ? null : p.organisation.id,
                new TreeSet<>(Arrays.asList(p.partnershipIds)), p.careerStage.name(), p.active,
                new TreeSet<>(p.lineManagerIds), new TreeSet<>(p.appraiserIds));
    }

    /** Offers are keyed by the practitioner's id, so a practitioner's events stay in one ordered stream. */
    public void supportOffer(String name, SupportOffer o) {
        supporters.invalidateAfterCommit();
        outbox.publish("support-offer", o.id, name, offerData(o));
    }

    public static SupportOfferData offerData(SupportOffer o) {
        return new SupportOfferData(o.id, o.paused, o.capacityByForm(), sorted(o.mentoringPurposes),
                sorted(o.expertiseCodes), sorted(o.workModes));
    }

    private static Set<String> sorted(String[] values) {
        return new LinkedHashSet<>(new TreeSet<>(Arrays.asList(values)));
    }
}
