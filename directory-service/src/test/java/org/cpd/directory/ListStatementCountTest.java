package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.directory.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.cpd.testsupport.sql.StatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A list page, a supporter search and a match run a fixed number of statements whatever the page holds
 * (no statement per row, per link or per school), beside the one that resolves the caller's own grants
 * (docs/performance.md, "Search, list and matching").
 */
@QuarkusTest
class ListStatementCountTest {

    Fixtures.School school;
    Fixtures.School other;
    String admin;
    UUID learner;

    @BeforeEach
    void aPageOfLinkedPeopleWithOffers() {
        school = Fixtures.school();
        other = Fixtures.school(school.partnership());
        admin = school.partnership().adminToken();
        String lead = school.leadToken();
        UUID head = Fixtures.practitioner(school, "HEADTEACHER");
        UUID deputy = Fixtures.practitioner(other, "SENIOR_LEADER");
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID id = Fixtures.practitioner(i % 2 == 0 ? school : other, i % 3 == 0 ? "EARLY_CAREER_TEACHER" : "TEACHER");
            people.add(id);
            if (i % 2 == 0) {
                as(lead).header("If-Match", Fixtures.etag(lead, "/api/v1/practitioners/" + id))
                        .body("{\"lineManagerIds\":[\"" + head + "\"],\"appraiserIds\":[\"" + head + "\",\"" + deputy + "\"]}")
                        .put("/api/v1/practitioners/" + id + "/line-management").then().statusCode(200);
            }
            if (i % 3 != 0) {
                Fixtures.School at = i % 2 == 0 ? school : other;
                as(Tokens.practitioner(id, at.urn()))
                        .body("{\"forms\":[{\"form\":\"SPECIALIST_COACHING\",\"capacity\":3},{\"form\":\"MENTORING\",\"capacity\":2}],"
                                + "\"mentoringPurposes\":[\"INDUCTION\"],\"expertiseCodes\":[\"ASSESSMENT_FOR_LEARNING\"],"
                                + "\"workModes\":[\"PARTNERSHIP_TRAVEL\"]}")
                        .put("/api/v1/support-offers/" + id).then().statusCode(200);
            }
        }
        learner = people.get(0);
    }

    private List<String> statementsOf(String token, String path) {
        return StatementCounter.statementsOf(key -> as(token).header(StatementCounter.HEADER, key).get(path).then().statusCode(200));
    }

    @Test
    void aPageOfPractitionersIsTheGrantsAndOneStatement() {
        List<String> statements = statementsOf(admin, "/api/v1/practitioners?limit=10");
        assertThat(statements).as("statements of GET /api/v1/practitioners").hasSize(2);
    }

    @Test
    void everyPageOfPractitionersIsOneStatementAndThePagesJoinUp() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/v1/practitioners?limit=5&partnershipId=" + school.partnership().id()
                    + (cursor == null ? "" : "&cursor=" + cursor);
            List<String> statements = statementsOf(admin, path);
            assertThat(statements).as("statements of " + path).hasSize(2);
            var page = as(admin).get(path).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(ids).hasSize(14).doesNotHaveDuplicates();
    }

    /** The search itself is one plain JDBC statement (SupporterQueries), which the counter does not see. */
    @Test
    void aSupporterSearchRunsNothingThroughHibernateButTheGrants() {
        List<String> statements = statementsOf(admin, "/api/v1/supporters?limit=5&form=MENTORING&hasCapacity=true");
        assertThat(statements).as("statements of GET /api/v1/supporters").hasSize(1);
        assertThat(statements.get(0)).contains("appointment");
    }

    /** The candidates come from SupporterCache; the learner with their links is one statement, the expertise check one. */
    @Test
    void aMatchIsTheGrantsTheLearnerAndTheExpertiseCheck() {
        List<String> statements = statementsOf(admin, "/api/v1/matches?learnerId=" + learner
                + "&form=SPECIALIST_COACHING&expertise=ASSESSMENT_FOR_LEARNING&explain=true");
        assertThat(statements).as("statements of GET /api/v1/matches").hasSize(3);
    }
}
