package org.cpd.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How fast logins follow a staff import: the demo MIS integration imports N new staff into its school (one
 * CSV, straight to directory-service; they stay in the local stack's demo school), then Keycloak's user count for the import's e-mail tag is read every 200 ms until
 * all N accounts exist (each created with its invitation sent through the stack's SMTP server). Prints the
 * time to the first and the last account and the accounts per second. Not a test: run by
 * bench/account-provisioning.sh on the running local stack.
 */
class AccountProvisioningBench {

    private static final String DIRECTORY = System.getProperty("bench.directory.url", "http://localhost:8081");
    private static final int STAFF = Integer.getInteger("bench.staff", 2000);
    private static final long GIVE_UP_MILLIS = 30 * 60_000L;

    @Test
    void provisioningAfterAStaffImport() throws InterruptedException {
        String urn = Stack.SCHOOL_URN; // the demo MIS integration's school
        String tag = "pb" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("email,fullName,trn,schoolUrn,careerStage,subjects,phases\n");
        for (int i = 0; i < STAFF; i++) {
            csv.append("%s-%05d@bench.example,Bench Teacher %d,,%s,TEACHER,MATHEMATICS,SECONDARY\n".formatted(tag, i, i, urn));
        }
        long start = System.nanoTime();
        given().baseUri(DIRECTORY).auth().oauth2(Stack.misToken()).contentType("text/csv").body(csv.toString())
                .post("/api/v1/imports/staff").then().statusCode(200);
        double imported = (System.nanoTime() - start) / 1e6;

        double first = -1;
        int count = 0;
        while (count < STAFF) {
            if ((System.nanoTime() - start) / 1_000_000 > GIVE_UP_MILLIS) {
                throw new AssertionError(count + " of " + STAFF + " accounts after " + GIVE_UP_MILLIS / 60_000 + " minutes");
            }
            Thread.sleep(200);
            count = accountsTagged(tag);
            if (count > 0 && first < 0) {
                first = (System.nanoTime() - start) / 1e6;
            }
        }
        double last = (System.nanoTime() - start) / 1e6;
        System.out.printf("BENCH account-provisioning staff=%d import=%.0fms first-account=%.0fms last-account=%.0fms "
                + "accounts-per-second=%.1f%n", STAFF, imported, first, last, STAFF / ((last - imported) / 1000));
    }

    private static int accountsTagged(String tag) {
        return Stack.accountsMatching(tag);
    }
}
