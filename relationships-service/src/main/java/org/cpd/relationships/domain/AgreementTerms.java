package org.cpd.relationships.domain;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the parties agree (the consultation paper's "formal learning agreement"): ground rules,
 * confidentiality, how power and accountability are handled, rhythm and place of meetings,
 * review date, boundaries and the protected time budget.
 */
@Embeddable
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AgreementTerms")
public class AgreementTerms {

    public String groundRules;

    /** What is shared with whom. */
    public String confidentiality;

    public String powerAndAccountability;

    public String meetingRhythm;

    public String meetingPlace;

    public LocalDate reviewDate;

    public String boundaries;

    public BigDecimal protectedHoursPerHalfTerm;

    public boolean coverNeeded;

    public AgreementTerms() {
    }

    public AgreementTerms(String groundRules, String confidentiality, String powerAndAccountability,
                          String meetingRhythm, String meetingPlace, LocalDate reviewDate, String boundaries,
                          BigDecimal protectedHoursPerHalfTerm, boolean coverNeeded) {
        this.groundRules = groundRules;
        this.confidentiality = confidentiality;
        this.powerAndAccountability = powerAndAccountability;
        this.meetingRhythm = meetingRhythm;
        this.meetingPlace = meetingPlace;
        this.reviewDate = reviewDate;
        this.boundaries = boundaries;
        this.protectedHoursPerHalfTerm = protectedHoursPerHalfTerm;
        this.coverNeeded = coverNeeded;
    }

    public AgreementTerms copy() {
        return new AgreementTerms(groundRules, confidentiality, powerAndAccountability, meetingRhythm,
                meetingPlace, reviewDate, boundaries, protectedHoursPerHalfTerm, coverNeeded);
    }
}
