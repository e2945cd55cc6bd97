package org.cpd.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may hold an appointment, and when it no longer holds (pure rules, no Quarkus). */
class AppointmentRulesTest {

    static School school(UUID... partnerships) {
        School s = new School();
        s.id = UUID.randomUUID();
        s.urn = "123456";
        s.partnershipIds.addAll(Set.of(partnerships));
        return s;
    }

    static Practitioner at(School s) {
        Practitioner p = new Practitioner();
        p.id = UUID.randomUUID();
        p.placeAt(s, null);
        return p;
    }

    @Test
    void aSchoolLeadIsAnActivePractitionerOfThatSchool() {
        School school = school(UUID.randomUUID());
        Practitioner staff = at(school);
        assertThat(Appointment.eligibleAsSchoolLead(staff, school)).isTrue();
        assertThat(Appointment.eligibleAsSchoolLead(at(school(UUID.randomUUID())), school)).isFalse();
        assertThat(Appointment.eligibleAsSchoolLead(null, school)).isFalse();
        staff.active = false;
        assertThat(Appointment.eligibleAsSchoolLead(staff, school)).isFalse();
    }

    @Test
    void aPartnershipAdminIsAnActivePractitionerOfThePartnership() {
        UUID partnership = UUID.randomUUID();
        Practitioner member = at(school(partnership));
        assertThat(Appointment.eligibleAsPartnershipAdmin(member, partnership)).isTrue();
        assertThat(Appointment.eligibleAsPartnershipAdmin(member, UUID.randomUUID())).isFalse();
        member.active = false;
        assertThat(Appointment.eligibleAsPartnershipAdmin(member, partnership)).isFalse();
    }

    @Test
    void aMoveEndsALeadAppointmentButNotAnAdminOne() {
        UUID partnership = UUID.randomUUID();
        School school = school(partnership);
        Practitioner p = at(school);
        Appointment lead = Appointment.schoolLead(p.id, school, "admin");
        Appointment admin = Appointment.partnershipAdmin(p.id, null, partnership, "admin");
        p.placeAt(school(partnership), null);
        assertThat(lead.stillEligible(p)).isFalse();
        assertThat(admin.stillEligible(p)).isTrue();
        p.active = false;
        assertThat(admin.stillEligible(p)).isFalse();
    }

    @Test
    void anAppointmentByAccountHasNoRecordToFollowAndEndingIsIdempotent() {
        Appointment creator = Appointment.partnershipAdmin(null, "subject-1", UUID.randomUUID(), "subject-1");
        assertThat(creator.stillEligible(null)).isTrue();
        assertThat(creator.end("subject-2")).isTrue();
        assertThat(creator.end("subject-3")).isFalse();
        assertThat(creator.endedBy).isEqualTo("subject-2");
    }
}
