package org.cpd.directory.domain;

import java.util.Objects;

/**
 * Which existing person a TRN and an email resolve to, for one caller
 * (docs/adr/0014-tenant-safe-identity-matching.md). Only a person the caller manages may ever be
 * matched; anyone else holding the TRN or email is a conflict that says nothing more about them.
 * Pure: the holders are looked up by the caller of this class.
 */
public final class IdentityResolution {

    /** The one reason given when a TRN or email belongs to someone the caller may not manage. */
    public static final String OUTSIDE_SCOPE = "belongs to a person outside your schools and partnerships";
    public static final String OUTSIDE_SCOPE_SLUG = "identity-outside-scope";

    /** What a TRN and an email resolve to. */
    public sealed interface Outcome {
        /** Nobody holds either: a new person. */
        record NewPerson() implements Outcome {
        }

        /** A person the caller manages holds them (both point to the same one). */
        record Match(Practitioner practitioner) implements Outcome {
        }

        /** The field cannot be used by this caller, and why. */
        record Refused(String field, String reason) implements Outcome {
        }
    }

    private IdentityResolution() {
    }

    /**
     * For an import row: the TRN is checked first (it identifies a teacher nationally), then the email;
     * a holder outside the caller's scope refuses the row before anything else is compared.
     */
    public static Outcome resolve(DirectoryAccess access, Practitioner byTrn, Practitioner byEmail) {
        if (byTrn != null && !access.managesPractitioner(byTrn)) {
            return new Outcome.Refused("trn", OUTSIDE_SCOPE);
        }
        if (byEmail != null && !access.managesPractitioner(byEmail)) {
            return new Outcome.Refused("email", OUTSIDE_SCOPE);
        }
        if (byTrn != null && byEmail != null && !Objects.equals(byTrn.id, byEmail.id)) {
            return new Outcome.Refused("email", "belongs to another practitioner than the TRN");
        }
        Practitioner match = byTrn != null ? byTrn : byEmail;
        return match == null ? new Outcome.NewPerson() : new Outcome.Match(match);
    }

    /** Whether the holder of an email or TRN someone wants to use is outside the caller's scope. */
    public static boolean outsideScope(DirectoryAccess access, Practitioner holder) {
        return holder != null && !access.managesPractitioner(holder);
    }
}
