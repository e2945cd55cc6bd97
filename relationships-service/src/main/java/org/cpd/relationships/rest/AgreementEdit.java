package org.cpd.relationships.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.cpd.relationships.domain.AgreementTerms;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The full text of a new agreement version. */
@Schema(name = "AgreementEdit", description = "The full terms of a new learning agreement version.")
public record AgreementEdit(
        @NotBlank @Size(max = 5000) String groundRules,
        @NotBlank @Size(max = 5000) @Schema(description = "What is shared with whom.") String confidentiality,
        @NotBlank @Size(max = 5000) @Schema(description = "How imbalances of power and accountability are handled.") String powerAndAccountability,
        @Size(max = 500) String meetingRhythm,
        @Size(max = 500) String meetingPlace,
        LocalDate reviewDate,
        @Size(max = 5000) @Schema(description = "Boundaries, e.g. that a need for mentoring is pursued outside a coaching relationship.") String boundaries,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Protected time budget, hours per half-term.", examples = "6") BigDecimal protectedHoursPerHalfTerm,
        boolean coverNeeded) {

    public AgreementTerms toTerms() {
        return new AgreementTerms(groundRules, confidentiality, powerAndAccountability, meetingRhythm, meetingPlace,
                reviewDate, boundaries, protectedHoursPerHalfTerm, coverNeeded);
    }
}
