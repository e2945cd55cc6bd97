package org.cpd.relationships.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One immutable version of a learning agreement and the signatures given to it. */
@Entity
@Table(name = "agreement_version")
public class AgreementVersion {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agreement_id")
    public LearningAgreement agreement;

    public int number;

    @Embedded
    public AgreementTerms terms;

    public String createdBy;

    public Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_signature", joinColumns = @JoinColumn(name = "version_id"))
    @OrderBy("signedAt")
    public List<Signature> signatures = new ArrayList<>();

    protected AgreementVersion() {
    }

    AgreementVersion(LearningAgreement agreement, int number, AgreementTerms terms, String createdBy, Instant at) {
        this.id = UUID.randomUUID();
        this.agreement = agreement;
        this.number = number;
        this.terms = terms.copy();
        this.createdBy = createdBy;
        this.createdAt = at;
    }

    public Optional<Signature> signatureOf(UUID practitionerId) {
        return signatures.stream().filter(s -> s.practitionerId.equals(practitionerId)).findFirst();
    }
}
