package org.cpd.commons.audit;

import java.util.Set;
import java.util.UUID;
import org.cpd.commons.security.Caller;

/**
 * Who may read which audit entries (docs/adr/0040-audit-api.md). Pure: unit-tested without Quarkus.
 * A person reads the entries about themselves; a partnership admin reads their partnerships' entries;
 * anyone else reads nothing (an empty page: the collection exists for everyone, its content does not).
 */
public final class AuditAccess {

    /** The entries a reader may see. */
    public sealed interface Scope {
    }

    /** Entries whose subject person is this practitioner. */
    public record AboutPerson(UUID practitionerId) implements Scope {
    }

    /** Entries that belong to any of these partnerships. */
    public record OfPartnerships(Set<UUID> partnershipIds) implements Scope {
    }

    public record Nothing() implements Scope {
    }

    private AuditAccess() {
    }

    /** @param ownView the caller asked for the entries about themselves ({@code subject=me}) */
    public static Scope scope(Caller caller, boolean ownView) {
        if (ownView) {
            return caller.practitioner().<Scope>map(AboutPerson::new).orElse(new Nothing());
        }
        if (caller.isPartnershipAdmin() && !caller.partnershipIds().isEmpty()) {
            return new OfPartnerships(caller.partnershipIds());
        }
        return new Nothing();
    }
}
