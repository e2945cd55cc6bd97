package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.directory.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.cpd.testsupport.sql.StatementCounter;
import org.junit.jupiter.api.Test;

/**
 * A single-resource read runs one statement for the record, whatever it links to, beside the one that
 * resolves the caller's own grants (docs/performance.md). The audit of the read is written off the
 * request's path.
 */
@QuarkusTest
class StatementCountTest {

    @Test
    void aSchoolLeadsAuditedReadOfAPractitionerWithLinksRunsTheGrantsAndOneRead() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        UUID head = Fixtures.practitioner(school, "HEADTEACHER");
        UUID deputy = Fixtures.practitioner(school);
        String lead = Tokens.schoolLead(UUID.randomUUID(), school.urn());
        String etag = Fixtures.etag(lead, "/api/v1/practitioners/" + person);
        as(lead).header("If-Match", etag)
                .body("{\"lineManagerIds\":[\"" + head + "\",\"" + deputy + "\"],\"appraiserIds\":[\"" + head + "\"]}")
                .put("/api/v1/practitioners/" + person + "/line-management").then().statusCode(200);

        List<String> statements = StatementCounter.statementsOf(key -> as(lead).header(StatementCounter.HEADER, key)
                .get("/api/v1/practitioners/" + person).then().statusCode(200));

        assertThat(statements).as("statements of GET /api/v1/practitioners/{id}").hasSize(2);
    }

    @Test
    void aColleaguesReadOfThePublicProfileRunsTheGrantsAndOneRead() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        UUID colleague = Fixtures.practitioner(school);
        String token = Tokens.practitioner(colleague, school.urn());

        List<String> statements = StatementCounter.statementsOf(key -> as(token).header(StatementCounter.HEADER, key)
                .get("/api/v1/practitioners/" + person).then().statusCode(200));

        assertThat(statements).as("statements of GET /api/v1/practitioners/{id}").hasSize(2);
    }
}
