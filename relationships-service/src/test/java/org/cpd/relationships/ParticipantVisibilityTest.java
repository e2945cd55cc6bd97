package org.cpd.relationships;

import static org.cpd.relationships.Api.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What this service knows of a practitioner (school, partnerships, active flag, capacity, load)
 * is shown only to those directory-service would show the person to; everyone else gets the same
 * 404 problem as for a practitioner nobody has heard of.
 */
@QuarkusTest
class ParticipantVisibilityTest {

    static final String OTHER_URN = "200001";

    @Inject
    Directory directory;

    UUID coach;

    @BeforeEach
    void aCoachWithCapacity() {
        coach = directory.supporter(SupportForm.SPECIALIST_COACHING, 3);
    }

    String participant(UUID id) {
        return "/api/v1/relationships/participants/" + id;
    }

    @Test
    void outsidersGetTheSameNotFoundAsForAnUnknownPractitioner() {
        UUID outsider = directory.practitioner(OTHER_URN, Directory.OTHER_PARTNERSHIP, Set.of(), Set.of());
        for (String token : new String[] {
                Tokens.practitioner(outsider, OTHER_URN),              // a practitioner of another partnership
                Tokens.practitioner(UUID.randomUUID(), URN),           // unknown to the directory, token naming no partnership
                Tokens.schoolLead(UUID.randomUUID(), OTHER_URN),       // a school lead of another school
                Tokens.admin(Directory.OTHER_PARTNERSHIP),             // an admin of another partnership
                Tokens.mis(OTHER_URN)}) {                              // another school's MIS client
            Api.as(token).get(participant(coach)).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:cpd:problem:not-found"))
                    .body(not(containsString(URN)))
                    .body(not(containsString(Directory.PARTNERSHIP.toString())));
        }
    }

    @Test
    void thePersonAndThoseWhoManageTheirRecordSeeIt() {
        as(coach).get(participant(coach)).then().statusCode(200).body("schoolUrn", equalTo(URN));
        Api.as(Tokens.schoolLead(UUID.randomUUID(), URN)).get(participant(coach)).then().statusCode(200);
        Api.as(Tokens.mis(URN)).get(participant(coach)).then().statusCode(200);
        Api.as(Tokens.admin(Directory.PARTNERSHIP)).get(participant(coach)).then().statusCode(200);
    }

    @Test
    void thoseWhoCouldProposeWithThemInASharedPartnershipSeeIt() {
        // a learner of another school of the partnership choosing a coach
        UUID learner = directory.practitioner("100002");
        as(learner).get(participant(coach)).then().statusCode(200)
                .body("capacity.find { it.form == 'SPECIALIST_COACHING' }.free", equalTo(3));
        propose(Api.as(Tokens.practitioner(learner, "100002")), coaching(coach, learner)).then().statusCode(201);
        // a school lead of another school of the partnership looking for a mentor
        UUID lead = directory.practitioner("100002");
        Api.as(Tokens.schoolLead(lead, "100002")).get(participant(coach)).then().statusCode(200)
                .body("partnershipIds", hasItem(Directory.PARTNERSHIP.toString()));
        // a token naming the partnership is enough, for a practitioner the read model does not know yet
        Api.as(Tokens.builder().roles("practitioner").practitioner(UUID.randomUUID()).partnerships(Directory.PARTNERSHIP)
                .build()).get(participant(coach)).then().statusCode(200);
    }

    @Test
    void aLeaverNoLongerSeesColleaguesThroughTheirOwnRecord() {
        UUID leaver = directory.practitioner(URN);
        as(leaver).get(participant(coach)).then().statusCode(200);
        directory.deactivate(leaver, URN);
        Api.as(Tokens.practitioner(leaver, "100002")).get(participant(coach)).then().statusCode(404);
        as(leaver).get(participant(leaver)).then().statusCode(200).body("active", equalTo(false));
    }
}
