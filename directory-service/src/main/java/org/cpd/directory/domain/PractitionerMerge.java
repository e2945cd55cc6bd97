package org.cpd.directory.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;

/**
 * The rules of merging two records of one person into one (docs/adr/0017-merges-and-tombstones.md): the
 * survivor keeps its id and takes the identifiers it lacks; the retired record is deactivated and names the
 * survivor. Pure: the service loads the records and moves what refers to them.
 */
public final class PractitionerMerge {

    private PractitionerMerge() {
    }

    /** A record cannot be merged into itself: refused before either is looked at further. */
    public static void requireDifferent(UUID survivorId, UUID retiredId) {
        if (survivorId.equals(retiredId)) {
            throw RuleViolation.unprocessable("merge-into-itself", "A practitioner cannot be merged into themselves")
                    .with("retiredId", retiredId);
        }
    }

    /** A merged-away record is a tombstone: it is read, never changed (changes go to the survivor). */
    public static void requireNotMerged(Practitioner p) {
        if (p.isMerged()) {
            throw RuleViolation.conflict("already-merged", "Practitioner " + p.id + " was merged into " + p.mergedInto
                    + ": change that record instead").with("practitionerId", p.id).with("mergedInto", p.mergedInto);
        }
    }

    /** 409s for merges that would lose or mix up data. */
    public static void requireMergeable(Practitioner survivor, Practitioner retired) {
        requireDifferent(survivor.id, retired.id);
        requireNotMerged(survivor);
        requireNotMerged(retired);
        if (!survivor.sharesPartnershipWith(retired.partnerships())) {
            throw RuleViolation.conflict("merge-across-partnerships", "Only records of the same partnership can be merged");
        }
        if (survivor.trn != null && retired.trn != null && !survivor.trn.equals(retired.trn)) {
            throw RuleViolation.conflict("conflicting-trn", "The two records have different TRNs: they are not the same person,"
                    + " or one TRN is wrong and must be corrected first").with("field", "trn");
        }
    }

    /**
     * The TRN the survivor takes from the retired record: the retired one's when the survivor has none, null when
     * there is nothing to take. The e-mail is required on every record, so the survivor always keeps its own.
     */
    public static String trnToTake(Practitioner survivor, Practitioner retired) {
        return survivor.trn == null ? retired.trn : null;
    }

    /**
     * Marks the retired record: deactivated, pointing at the survivor, with no links of its own and no TRN (TRNs
     * are unique: the survivor has the same one, or takes it).
     */
    public static void retire(Practitioner retired, UUID survivorId, Instant at) {
        retired.trn = null;
        retired.mergedInto = survivorId;
        retired.mergedAt = at;
        retired.deactivate(at);
        retired.lineManagerIds.clear();
        retired.appraiserIds.clear();
    }

    /**
     * The survivor's links after the merge: both records' links, without anyone managing themselves (the
     * survivor, or the retired record that is now the survivor).
     */
    public static Set<UUID> union(Set<UUID> survivors, Set<UUID> retireds, UUID survivorId, UUID retiredId) {
        Set<UUID> all = new LinkedHashSet<>(survivors);
        all.addAll(retireds);
        all.remove(survivorId);
        all.remove(retiredId);
        return all;
    }

    /** A link to the retired record now points at the survivor (and is dropped where it would be a self-link). */
    public static Set<UUID> repointed(Set<UUID> links, UUID owner, UUID survivorId, UUID retiredId) {
        Set<UUID> out = new LinkedHashSet<>();
        for (UUID id : links) {
            out.add(id.equals(retiredId) ? survivorId : id);
        }
        out.remove(owner);
        return out;
    }
}
