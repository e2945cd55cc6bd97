package org.cpd.e2e;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * The retention dry run through the gateway with real tokens (docs/data-protection.md, retention defaults): the
 * demo admin reads every service's kinds in one report, the sweeps running (the stack's prod profile); a school
 * lead may not read it.
 */
class RetentionIT {

    static final String PATH = "/api/v1/privacy/retention";

    @Test
    void theAdminReadsEveryServicesRetentionInOneReportAndALeadMayNot() {
        Stack.gatewayAs(Stack.tokenFor("admin")).get(PATH).then().statusCode(200)
                .body("unavailable", empty())
                .body("kinds.service", hasItems("directory-service", "relationships-service", "goals-service"))
                .body("kinds.findAll { it.kind == 'audit-entries' }.size()", equalTo(3))
                .body("kinds.find { it.kind == 'confidential-notes' }.retention", equalTo("PT8760H"))
                .body("kinds.due", everyItem(greaterThanOrEqualTo(0)))
                .body("kinds.enforced", everyItem(equalTo(true)));
        Stack.gatewayAs(Stack.tokenFor("lead")).get(PATH).then().statusCode(403)
                .contentType("application/problem+json");
    }
}
