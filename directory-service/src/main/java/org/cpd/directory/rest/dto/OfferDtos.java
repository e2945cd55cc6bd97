package org.cpd.directory.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.cpd.directory.domain.Expertise;
import org.cpd.directory.domain.ExpertiseCategory;
import org.cpd.directory.domain.MentoringPurpose;
import org.cpd.directory.domain.Phase;
import org.cpd.directory.domain.SupportForm;
import org.cpd.directory.domain.SupportOffer;
import org.cpd.directory.domain.Term;
import org.cpd.directory.domain.Weekday;
import org.cpd.directory.domain.WorkMode;
import org.cpd.directory.domain.OfferWithLoad;
import org.cpd.directory.domain.SupporterLoad;
import org.cpd.directory.service.ExpertiseService.ExpertiseDetails;
import org.cpd.directory.service.SupportOfferService;
import org.cpd.directory.service.SupportOfferService.OfferDetails;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class OfferDtos {

    private OfferDtos() {
    }

    @Schema(name = "ExpertiseInput", description = "An entry of the expertise taxonomy (the code never changes once created).")
    public record ExpertiseInput(
            @NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,63}$", message = "must be UPPER_SNAKE_CASE, 2 to 64 characters")
            @Schema(examples = "ASSESSMENT_FOR_LEARNING") String code,
            @NotBlank @Size(max = 200) @Schema(examples = "Assessment for Learning") String label,
            @NotNull ExpertiseCategory category,
            Phase phase,
            @Size(max = 1000) String description,
            Boolean active) {

        public ExpertiseDetails details() {
            return new ExpertiseDetails(code, label, category, phase, description, active);
        }
    }

    @Schema(name = "Expertise")
    public record ExpertiseView(String code, String label, ExpertiseCategory category, Phase phase, String description,
                                boolean active, Instant updatedAt) {
        public static ExpertiseView from(Expertise e) {
            return new ExpertiseView(e.code, e.label, e.category, e.phase, e.description, e.active, e.updatedAt);
        }
    }

    @Schema(name = "OfferedForm", description = "One form of support offered, with how many learners at once (0 to 50).")
    public record OfferedForm(
            @NotNull SupportForm form,
            @NotNull @Min(value = 0, message = "must be 0 or more") @Max(value = 50, message = "must be 50 or fewer")
            @Schema(examples = "2") Integer capacity,
            @Size(max = 300) @Schema(description = "Training or accreditation held for this role",
                    examples = "Accredited mentor training (ITE partnership)") String accreditation) {
    }

    @Schema(name = "Availability", description = "When the supporter can meet.")
    public record Availability(Set<@NotNull Term> terms, Set<@NotNull Weekday> weekdays) {
    }

    @Schema(name = "SupportOfferInput", description = "What support a practitioner offers (replaces the whole offer).")
    public record SupportOfferInput(
            @NotNull @Size(max = 3) List<@NotNull @Valid OfferedForm> forms,
            Set<@NotNull MentoringPurpose> mentoringPurposes,
            @Size(max = 30) Set<@NotNull String> expertiseCodes,
            @Valid Availability availability,
            Set<@NotNull WorkMode> workModes,
            @Size(max = 1000) @Schema(examples = "Maths lead; twelve years in KS3/4; happy to support ECTs and CAME.") String profile) {

        public OfferDetails details() {
            return new OfferDetails(
                    forms.stream().map(f -> new SupportOfferService.FormCapacity(f.form(), f.capacity(), f.accreditation())).toList(),
                    mentoringPurposes, expertiseCodes, availability == null ? null : availability.terms(),
                    availability == null ? null : availability.weekdays(), workModes, profile);
        }
    }

    @Schema(name = "SupportOffer")
    public record SupportOfferView(UUID practitionerId, boolean paused, List<FormView> forms, Set<String> mentoringPurposes,
                                   Set<String> expertiseCodes, Availability availability, Set<String> workModes,
                                   String profile, Instant updatedAt) {

        public static SupportOfferView from(OfferWithLoad offer) {
            SupportOffer o = offer.offer();
            SupporterLoad load = offer.load();
            List<FormView> forms = o.forms().entrySet().stream()
                    .map(e -> new FormView(e.getKey(), e.getValue().capacity(), load.of(e.getKey()),
                            Math.max(0, e.getValue().capacity() - load.of(e.getKey())), e.getValue().accreditation()))
                    .toList();
            return new SupportOfferView(o.id, o.paused, forms, set(o.mentoringPurposes), set(o.expertiseCodes),
                    new Availability(enumSet(Term.class, o.terms), enumSet(Weekday.class, o.weekdays)),
                    set(o.workModes), o.profile, o.updatedAt);
        }
    }

    @Schema(name = "OfferedFormState", description = "An offered form with its current load (learners supported now).")
    public record FormView(SupportForm form, int capacity, int load, int freeCapacity, String accreditation) {
    }

    static Set<String> set(String[] values) {
        return new TreeSet<>(Arrays.asList(values));
    }

    public static <E extends Enum<E>> Set<E> enumSet(Class<E> type, String[] values) {
        Set<E> set = new TreeSet<>();
        for (String v : values) {
            set.add(Enum.valueOf(type, v));
        }
        return set;
    }
}
