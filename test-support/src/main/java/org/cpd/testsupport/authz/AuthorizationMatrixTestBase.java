package org.cpd.testsupport.authz;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.cpd.testsupport.Tokens;

/**
 * What every service's {@code AuthorizationMatrixTest} shares: callers with tokens shaped like the
 * realm's (people carry their school and partnership), the callers every table has from outside
 * the school acted on, and the run of docs/openapi/{service}.yaml against
 * src/test/resources/authorization-matrix.csv.
 */
public abstract class AuthorizationMatrixTestBase {

    /** The outbox relay marks rows sent in the background; its rows are compared by count. */
    protected static final Set<String> CHANGED_IN_THE_BACKGROUND = Set.of("outbox_event", "inbox_event");

    /** The request a cell sends: its path, query, headers and body (and, when it must, its own caller). */
    protected abstract Request arrange(Cell cell);

    /** Every cell of the service's table as its caller; {@code knownGaps} as for {@link AuthorizationMatrix#run}. */
    protected void run(String service, Callers callers, Set<String> knownGaps) {
        AuthorizationMatrix.load(service, "authorization-matrix.csv")
                .run(callers, this::arrange, knownGaps, DatabaseState.of(CHANGED_IN_THE_BACKGROUND));
    }

    /**
     * "other-lead", "admin", "other-admin", "mis" and "other-mis": school {@code urn} of
     * {@code partnership} is the one acted on, the "other" callers belong to {@code otherUrn} of
     * {@code otherPartnership}.
     */
    protected static Callers withOutsiders(Callers callers, String urn, UUID partnership, String otherUrn, UUID otherPartnership) {
        return callers
                .with("other-lead", token(UUID.randomUUID(), otherUrn, otherPartnership, "school-lead", "practitioner"))
                .with("admin", Tokens.admin(partnership))
                .with("other-admin", Tokens.admin(otherPartnership))
                .with("mis", Tokens.builder().roles("mis-integration").client("mis-a").schools(urn).partnerships(partnership).build())
                .with("other-mis", Tokens.builder().roles("mis-integration").client("mis-b").schools(otherUrn)
                        .partnerships(otherPartnership).build());
    }

    /** A person's token with their school and partnership. */
    protected static String token(UUID person, String urn, UUID partnership, String... roles) {
        return Tokens.builder().roles(roles).practitioner(person).schools(urn).partnerships(partnership).build();
    }

    /** A random 6-digit school URN, so that one run's schools are its own. */
    protected static String urn() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(600000, 700000));
    }
}
