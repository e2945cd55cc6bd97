package org.cpd.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.Roles;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.relationships.RelationshipEvents;
import org.junit.jupiter.api.Test;

/** Webhook access, retries, rotation, event types and what an event concerns: pure rules, no Quarkus. */
class WebhookRulesTest {

    static final UUID P1 = UUID.randomUUID();
    static final UUID P2 = UUID.randomUUID();

    private static WebhookAccess as(Set<String> roles, Set<String> schools, Set<UUID> partnerships) {
        return new WebhookAccess(new Caller("sub", null, null, roles, schools, partnerships));
    }

    @Test
    void adminsManageTheirPartnershipsAndLeadsAndMisClientsTheirSchools() {
        WebhookAccess admin = as(Set.of(Roles.PARTNERSHIP_ADMIN), Set.of(), Set.of(P1));
        WebhookAccess lead = as(Set.of(Roles.SCHOOL_LEAD, Roles.PRACTITIONER), Set.of("100001"), Set.of(P1));
        WebhookAccess mis = as(Set.of(Roles.MIS_INTEGRATION), Set.of("100001"), Set.of(P1));
        WebhookAccess practitioner = as(Set.of(Roles.PRACTITIONER), Set.of("100001"), Set.of(P1));
        assertThat(admin.managesScope(P1, null)).isTrue();
        assertThat(admin.managesScope(P2, null)).isFalse();
        assertThat(admin.managesScope(null, "100001")).as("a school's subscriptions are its own").isFalse();
        assertThat(lead.managesScope(null, "100001")).isTrue();
        assertThat(lead.managesScope(null, "100002")).isFalse();
        assertThat(lead.managesScope(P1, null)).isFalse();
        assertThat(mis.managesScope(null, "100001")).isTrue();
        assertThat(mis.managesScope(null, "100002")).isFalse();
        assertThat(practitioner.managesScope(null, "100001")).isFalse();
        assertThatThrownBy(() -> lead.requireManagesScope(null, "100002")).isInstanceOf(RuleViolation.class)
                .extracting("kind").isEqualTo(RuleViolation.Kind.NOT_FOUND);
        assertThat(admin.listedPartnerships()).containsExactly(P1);
        assertThat(admin.listedSchools()).isEmpty();
        assertThat(mis.listedSchools()).containsExactly("100001");
        assertThat(practitioner.listedSchools()).isEmpty();
    }

    @Test
    void retriesFollowTheScheduleThenFail() {
        WebhookRetrySchedule schedule = new WebhookRetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30)), 4);
        assertThat(schedule.delayAfter(1)).contains(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(2)).contains(Duration.ofSeconds(30));
        assertThat(schedule.delayAfter(3)).as("the last delay repeats").contains(Duration.ofSeconds(30));
        assertThat(schedule.delayAfter(4)).isEmpty();

        WebhookDelivery d = new WebhookDelivery();
        Instant t = Instant.parse("2026-09-01T08:00:00Z");
        d.attempted(500, "HTTP 500", t, schedule);
        assertThat(d.status).isEqualTo(WebhookDeliveryStatus.PENDING);
        assertThat(d.nextAttemptAt).isEqualTo(t.plusSeconds(5));
        d.attempted(null, "timeout", t, schedule);
        d.attempted(503, "HTTP 503", t, schedule);
        d.attempted(500, "HTTP 500", t, schedule);
        assertThat(d.status).isEqualTo(WebhookDeliveryStatus.FAILED);
        d.replay(t);
        assertThat(d.status).isEqualTo(WebhookDeliveryStatus.PENDING);
        d.attempted(204, null, t, schedule);
        assertThat(d.status).isEqualTo(WebhookDeliveryStatus.DELIVERED);
        assertThat(d.attempts).isEqualTo(5);
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneUntilTheGracePeriodEnds() {
        WebhookSubscription s = new WebhookSubscription();
        s.secret = "whsec_old";
        Instant now = Instant.parse("2026-09-01T08:00:00Z");
        assertThat(s.signingSecrets(now)).containsExactly("whsec_old");
        s.rotate("whsec_new", now.plus(Duration.ofHours(24)));
        assertThat(s.signingSecrets(now.plusSeconds(60))).containsExactly("whsec_new", "whsec_old");
        assertThat(s.signingSecrets(now.plus(Duration.ofHours(24)))).containsExactly("whsec_new");
    }

    @Test
    void onlyPublishedTypesOfTheTwoTopicsMayBeSubscribed() {
        assertThat(WebhookEventTypes.known(DirectoryEvents.PRACTITIONER_REGISTERED)).isTrue();
        assertThat(WebhookEventTypes.known(RelationshipEvents.ACTIVATED)).isTrue();
        assertThat(WebhookEventTypes.known(DirectoryEvents.PRACTITIONER_REGISTERED_V1)).as("carried names; no longer published").isFalse();
        assertThat(WebhookEventTypes.known(DirectoryEvents.TOPIC)).isFalse();
        assertThat(WebhookEventTypes.known("cpd.goals.goal-set.v1")).isFalse();
        assertThatThrownBy(() -> WebhookEventTypes.require(List.of(DirectoryEvents.SCHOOL_UPDATED, "cpd.directory.nothing.v1")))
                .isInstanceOf(RuleViolation.class).extracting("slug").isEqualTo("unknown-event-type");
    }

    @Test
    void anEventConcernsTheSchoolsPartnershipsAndPeopleItNames() throws Exception {
        ObjectMapper json = new ObjectMapper();
        UUID person = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        WebhookEventScope registered = WebhookEventScope.of(DirectoryEvents.PRACTITIONER_REGISTERED, json.readTree(
                "{\"id\":\"" + person + "\",\"schoolUrn\":\"100001\",\"partnershipIds\":[\"" + P1 + "\"]}"));
        assertThat(registered.schoolUrns()).containsExactly("100001");
        assertThat(registered.partnershipIds()).containsExactly(P1);
        assertThat(registered.practitionerIds()).containsExactly(person);

        WebhookEventScope relationship = WebhookEventScope.of(RelationshipEvents.ACTIVATED, json.readTree(
                "{\"relationshipId\":\"" + UUID.randomUUID() + "\",\"participants\":[{\"practitionerId\":\"" + person
                        + "\",\"role\":\"LEARNER\",\"schoolUrn\":\"100002\"},{\"practitionerId\":\"" + other + "\",\"role\":\"SUPPORTER\"}]}"));
        assertThat(relationship.schoolUrns()).containsExactly("100002");
        assertThat(relationship.practitionerIds()).containsExactly(person, other);
        assertThat(relationship.partnershipIds()).as("a relationship's id is not a partnership").isEmpty();

        WebhookEventScope school = WebhookEventScope.of(DirectoryEvents.SCHOOL_UPDATED, json.readTree(
                "{\"id\":\"" + UUID.randomUUID() + "\",\"urn\":\"100003\",\"partnershipIds\":[]}"));
        assertThat(school.schoolUrns()).containsExactly("100003");
        assertThat(school.practitionerIds()).isEmpty();
    }
}
