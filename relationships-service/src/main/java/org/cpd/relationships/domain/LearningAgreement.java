package org.cpd.relationships.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.TrackedEntity;

/**
 * A relationship's learning agreement, versioned. Holds the rule
 * (docs/architecture.md#rule-1-agreement-before-activity) in one place: a version is agreed only
 * when every participant signed that very version; a revision is a new version with no
 * signatures, so changing the terms always needs everyone to sign again.
 */
@Entity
@Table(name = "learning_agreement")
public class LearningAgreement extends TrackedEntity {

    public UUID relationshipId;

    public int currentVersion;

    /** Touched on each signature so the agreement's ETag changes with what GET shows. */
    public Instant lastSignedAt;

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    public List<AgreementVersion> versions = new ArrayList<>();

    protected LearningAgreement() {
    }

    /** A new agreement whose first version is the given draft (usually the form's template). */
    public static LearningAgreement draft(UUID relationshipId, AgreementTerms terms, String by, Instant now) {
        LearningAgreement a = new LearningAgreement();
        a.id = UUID.randomUUID();
        a.relationshipId = relationshipId;
        a.currentVersion = 1;
        a.versions.add(new AgreementVersion(a, 1, terms, by, now));
        return a;
    }

    public AgreementVersion current() {
        return version(currentVersion);
    }

    public AgreementVersion version(int number) {
        return versions.stream().filter(v -> v.number == number).findFirst()
                .orElseThrow(() -> RuleViolation.notFound("agreement version", number));
    }

    /** Edits make a new version; the signatures of earlier versions stay as history but no longer count. */
    public AgreementVersion revise(AgreementTerms terms, String by, Instant now) {
        currentVersion = currentVersion + 1;
        AgreementVersion v = new AgreementVersion(this, currentVersion, terms, by, now);
        versions.add(v);
        return v;
    }

    /**
     * Signs {@code versionNumber} for {@code signer}. Only the current version can be signed: a
     * signature on a superseded text would agree to terms that no longer apply. Signing twice is
     * a no-op.
     */
    public Signature sign(int versionNumber, UUID signer, Collection<UUID> participants, Instant now) {
        if (!participants.contains(signer)) {
            throw RuleViolation.forbidden("Only the relationship's participants sign its learning agreement");
        }
        if (versionNumber != currentVersion) {
            throw RuleViolation.conflict("agreement-version-superseded", "Version " + versionNumber
                            + " has been replaced by version " + currentVersion + "; read and sign the current version")
                    .with("currentVersion", currentVersion);
        }
        AgreementVersion v = current();
        return v.signatureOf(signer).orElseGet(() -> {
            Signature s = new Signature(signer, now);
            v.signatures.add(s);
            lastSignedAt = now;
            return s;
        });
    }

    /** docs/architecture.md#rule-1-agreement-before-activity: has every participant signed the CURRENT version? */
    public boolean signedByAll(Collection<UUID> participants) {
        AgreementVersion v = current();
        return participants.stream().allMatch(p -> v.signatureOf(p).isPresent());
    }

    public List<UUID> unsigned(Collection<UUID> participants) {
        AgreementVersion v = current();
        return participants.stream().filter(p -> v.signatureOf(p).isEmpty()).toList();
    }

    /** A conflict {@code agreement-not-signed} unless every participant signed the current version. */
    public void requireSignedByAll(Collection<UUID> participants) {
        List<UUID> missing = unsigned(participants);
        if (!missing.isEmpty()) {
            throw RuleViolation.conflict("agreement-not-signed",
                            "Every participant must sign version " + currentVersion
                                    + " of the learning agreement first")
                    .with("currentVersion", currentVersion)
                    .with("unsignedBy", missing);
        }
    }
}
