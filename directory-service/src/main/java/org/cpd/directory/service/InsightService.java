package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.insight.InsightPart;
import org.cpd.commons.insight.InsightApi;
import org.cpd.commons.insight.InsightCount;
import org.cpd.commons.security.CurrentUser;
import org.cpd.directory.domain.ExpertiseCategory;
import org.cpd.directory.domain.SupportForm;
import org.cpd.directory.repository.InsightQueries;
import org.cpd.directory.repository.InsightQueries.LoadRow;
import org.cpd.directory.repository.InsightQueries.Scope;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The directory part of the partnership and school insight views: supporters' load against their
 * declared capacity by form, by expertise area and by school, now. Access as in every part
 * ({@link InsightPart}); every count through small-number suppression (ADR 0041), and the places of
 * a cell (capacity, load, free places) are withheld whenever its number of supporters is, since with
 * one or two supporters they are those people's own figures. No name, profile or accreditation is read.
 */
@ApplicationScoped
public class InsightService extends InsightPart {

    @Inject
    InsightQueries queries;

    @Inject
    CurrentUser user;

    @Schema(name = "SupportLoadInsightScope", description = "What the view covers: the filters as applied (load is now, so no dates).")
    public record InsightScope(@Schema(enumeration = {"PARTNERSHIP", "SCHOOL"}, required = true) String kind,
                               UUID partnershipId, String schoolUrn, SupportForm form) {
    }

    @Schema(name = "SupportLoadInsight", description = """
            The directory part of an insight view: supporters' load against their declared capacity, as of now (no date \
            range applies). A supporter is an active practitioner of the scope whose offer has a capacity for the form \
            (paused offers included, and counted in `paused`); load is the places held by proposed, pending, active and \
            paused relationships (ADR 0011). Every count is suppressed when small and rounded otherwise (ADR 0041); \
            capacity, load and free places are suppressed whenever the cell's `supporters` is.""")
    public record SupportLoadInsight(
            @Schema(required = true) InsightScope scope,
            @Schema(required = true, description = InsightApi.AS_OF) Instant asOf,
            @Schema(required = true, description = InsightApi.SUPPRESSION_THRESHOLD) int suppressionThreshold,
            @Schema(required = true, description = "Per form (each form, or the one filtered on).") List<FormLoad> byForm,
            @Schema(required = true, description = """
                    Per expertise area (the taxonomy's category) and form, every area listed. A supporter counts under each \
                    area of their offer's expertise, once per area, so the areas do not add up to the form; supporters \
                    without expertise are in `byForm` only.""") List<AreaLoad> byExpertise,
            @Schema(required = true, description = """
                    Per school of the supporters and form, the schools with supporters only. Supporters who belong to an \
                    organisation (a university, a consultancy) rather than a school are in `byForm` and `byExpertise` only.""")
            List<SchoolLoad> bySchool) {
    }

    @Schema(name = "InsightFormLoad")
    public record FormLoad(@Schema(required = true) SupportForm form, @Schema(required = true) InsightCount supporters,
                           @Schema(required = true) InsightCount paused, @Schema(required = true) InsightCount capacity,
                           @Schema(required = true) InsightCount load, @Schema(required = true) InsightCount freePlaces,
                           @Schema(required = true) InsightCount overloaded, @Schema(required = true) InsightCount atCapacity) {
    }

    @Schema(name = "InsightExpertiseAreaLoad")
    public record AreaLoad(@Schema(required = true) ExpertiseCategory area, @Schema(required = true) SupportForm form,
                           @Schema(required = true) InsightCount supporters, @Schema(required = true) InsightCount paused,
                           @Schema(required = true) InsightCount capacity, @Schema(required = true) InsightCount load,
                           @Schema(required = true) InsightCount freePlaces, @Schema(required = true) InsightCount overloaded,
                           @Schema(required = true) InsightCount atCapacity) {
    }

    @Schema(name = "InsightSchoolLoad")
    public record SchoolLoad(@Schema(required = true) String schoolUrn, @Schema(required = true) SupportForm form,
                             @Schema(required = true) InsightCount supporters, @Schema(required = true) InsightCount paused,
                             @Schema(required = true) InsightCount capacity, @Schema(required = true) InsightCount load,
                             @Schema(required = true) InsightCount freePlaces, @Schema(required = true) InsightCount overloaded,
                             @Schema(required = true) InsightCount atCapacity) {
    }

    /** The published cells of one row of load (see the field descriptions in the schema, and {@link #cells}). */
    record Cells(InsightCount supporters, InsightCount paused, InsightCount capacity, InsightCount load,
                 InsightCount freePlaces, InsightCount overloaded, InsightCount atCapacity) {
    }

    @Transactional
    public SupportLoadInsight partnership(UUID partnership, String school, SupportForm form) {
        if (!queries.partnershipExists(partnership)) {
            throw RuleViolation.notFound("partnership", partnership);
        }
        Scope scope = new Scope(partnership, school, form);
        return partnershipView(user.caller(), partnership, scope,
                () -> view(scope, new InsightScope("PARTNERSHIP", partnership, school, form)));
    }

    @Transactional
    public SupportLoadInsight school(String urn, SupportForm form) {
        var partnerships = queries.partnershipsOfSchool(urn);
        if (partnerships.isEmpty()) {
            throw RuleViolation.notFound("school", urn);
        }
        Scope scope = new Scope(null, urn, form);
        return schoolView(user.caller(), urn, known -> partnerships.get(), scope,
                () -> view(scope, new InsightScope("SCHOOL", null, urn, form)));
    }

    private SupportLoadInsight view(Scope scope, InsightScope described) {
        List<SupportForm> forms = scope.form() == null ? Arrays.asList(SupportForm.values()) : List.of(scope.form());
        List<LoadRow> rows = queries.load(scope);
        Map<String, LoadRow> byForm = rows.stream().filter(r -> r.area() == null && r.schoolUrn() == null)
                .collect(Collectors.toMap(LoadRow::form, Function.identity()));
        Map<String, LoadRow> byArea = rows.stream().filter(r -> r.area() != null)
                .collect(Collectors.toMap(r -> r.area() + "/" + r.form(), Function.identity()));
        List<FormLoad> formLoads = forms.stream().map(f -> {
            Cells c = cells(byForm.get(f.name()));
            return new FormLoad(f, c.supporters(), c.paused(), c.capacity(), c.load(), c.freePlaces(), c.overloaded(), c.atCapacity());
        }).toList();
        List<AreaLoad> areaLoads = new ArrayList<>();
        for (ExpertiseCategory area : ExpertiseCategory.values()) {
            for (SupportForm f : forms) {
                Cells c = cells(byArea.get(area + "/" + f));
                areaLoads.add(new AreaLoad(area, f, c.supporters(), c.paused(), c.capacity(), c.load(), c.freePlaces(), c.overloaded(),
                        c.atCapacity()));
            }
        }
        List<SchoolLoad> schoolLoads = rows.stream().filter(r -> r.schoolUrn() != null)
                .sorted(Comparator.comparing(LoadRow::schoolUrn).thenComparing(r -> SupportForm.valueOf(r.form())))
                .map(r -> {
                    Cells c = cells(r);
                    return new SchoolLoad(r.schoolUrn(), SupportForm.valueOf(r.form()), c.supporters(), c.paused(), c.capacity(),
                            c.load(), c.freePlaces(), c.overloaded(), c.atCapacity());
                }).toList();
        return new SupportLoadInsight(described, Instant.now(), suppression.threshold(), formLoads, areaLoads, schoolLoads);
    }

    /**
     * Every count of a row through suppression; the places (capacity, load, free places) only when the
     * row's supporters are published, since the places of one or two supporters are theirs to the unit.
     */
    Cells cells(LoadRow r) {
        if (r == null) {
            return new Cells(InsightCount.ZERO, InsightCount.ZERO, InsightCount.ZERO, InsightCount.ZERO, InsightCount.ZERO,
                    InsightCount.ZERO, InsightCount.ZERO);
        }
        boolean withheld = suppression.suppresses(r.supporters());
        return new Cells(suppression.count(r.supporters()), suppression.count(r.paused()), places(withheld, r.capacity()),
                places(withheld, r.load()), places(withheld, r.freePlaces()), suppression.count(r.overloaded()),
                suppression.count(r.atCapacity()));
    }

    private InsightCount places(boolean withheld, long n) {
        return withheld ? InsightCount.SUPPRESSED : suppression.count(n);
    }
}
