package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.cpd.commons.web.security.VerifiedTokens;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A token the service has verified is kept (commons-web VerifiedTokens, docs/adr/0008-verified-token-cache.md),
 * but the directory's own records about the caller are still read on every request (LocalGrantsAugmentor,
 * docs/adr/0015-accounts-from-the-directory.md): a kept token of a person deactivated since is refused at once,
 * and an appointment made since counts at once.
 */
@QuarkusTest
class CachedTokenTest {

    @Inject
    MeterRegistry metrics;

    double hits() {
        return metrics.get(VerifiedTokens.METRIC).tag("result", "hit").counter().count();
    }

    @Test
    void aKeptTokenOfAPersonDeactivatedSinceIsRefusedAtOnce() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        String personsToken = Tokens.builder().roles("practitioner").practitioner(person).schools(school.urn())
                .partnerships(school.partnership().id()).build();
        String path = "/api/v1/practitioners/" + person;
        as(personsToken).get(path).then().statusCode(200);
        double before = hits();
        as(personsToken).get(path).then().statusCode(200);
        assertThat(hits() - before).as("the second read is answered from the cache").isEqualTo(1);

        String admin = school.partnership().adminToken();
        as(admin).header("If-Match", Fixtures.etag(admin, path)).post(path + "/deactivation").then().statusCode(200);

        before = hits();
        as(personsToken).get(path).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:practitioner-deactivated"));
        assertThat(hits() - before).as("refused with the kept token").isEqualTo(1);
    }

    @Test
    void aKeptTokenOfAPersonAppointedSinceLeadsTheSchoolAtOnce() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        String personsToken = Tokens.builder().roles("practitioner").practitioner(person).schools(school.urn())
                .partnerships(school.partnership().id()).build();
        String leads = "/api/v1/schools/" + school.id() + "/leads";
        as(personsToken).get("/api/v1/practitioners/" + person).then().statusCode(200);
        as(personsToken).get(leads).then().statusCode(403);

        String admin = school.partnership().adminToken();
        as(admin).body("{\"practitionerId\":\"" + person + "\"}").post(leads).then().statusCode(201);

        double before = hits();
        as(personsToken).get(leads).then().statusCode(200);
        assertThat(hits() - before).as("answered with the kept token").isEqualTo(1);
    }

    @Test
    void aKeptTokenOfALeadWhoseAppointmentHasEndedNoLongerLeadsTheSchool() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        String admin = school.partnership().adminToken();
        String leads = "/api/v1/schools/" + school.id() + "/leads";
        String appointment = as(admin).body("{\"practitionerId\":\"" + person + "\"}").post(leads)
                .then().statusCode(201).extract().path("id");
        String personsToken = Tokens.builder().roles("practitioner").practitioner(person).schools(school.urn())
                .partnerships(school.partnership().id()).build();
        as(personsToken).get(leads).then().statusCode(200);
        as(personsToken).get(leads).then().statusCode(200);

        as(admin).post(leads + "/" + appointment + "/end").then().statusCode(200);

        double before = hits();
        as(personsToken).get(leads).then().statusCode(403);
        assertThat(hits() - before).as("refused with the kept token").isEqualTo(1);
    }
}
