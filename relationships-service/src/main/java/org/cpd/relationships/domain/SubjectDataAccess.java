package org.cpd.relationships.domain;

import java.util.Optional;
import java.util.UUID;
import org.cpd.commons.security.Caller;

/**
 * Who may have a person's relationship data exported (subject access): the person themselves, or an admin of
 * one of the person's partnerships as the directory read model knows them. Confidential notes go only to the
 * person, from relationships they took part in (docs/architecture.md#rule-3-confidential-reflection): an
 * admin's export says that notes exist, never what they say. Pure, unit-tested without Quarkus.
 */
public final class SubjectDataAccess {

    private SubjectDataAccess() {
    }

    public static boolean mayExport(Caller caller, UUID person, Optional<Person> known) {
        return caller.isSelf(person) || (caller.isPartnershipAdmin()
                && known.map(p -> p.partnershipIds().stream().anyMatch(caller::administers)).orElse(false));
    }

    public static boolean includesConfidentialNotes(Caller caller, UUID person) {
        return caller.isSelf(person);
    }
}
