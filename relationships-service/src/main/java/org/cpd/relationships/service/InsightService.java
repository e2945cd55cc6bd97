package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cpd.commons.insight.InsightAccess;
import org.cpd.commons.insight.InsightApi;
import org.cpd.commons.insight.InsightCount;
import org.cpd.commons.insight.InsightPart;
import org.cpd.commons.insight.SelfDirection;
import org.cpd.commons.security.Caller;
import org.cpd.relationships.domain.MentoringPurpose;
import org.cpd.relationships.domain.RelationshipStatus;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.relationships.repository.InsightQueries;
import org.cpd.relationships.repository.InsightQueries.Scope;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The relationships part of the partnership and school insight views: aggregates only,
 * every count through small-number suppression (ADR 0041), no confidential content (nothing of a
 * conversation but its date, duration, agenda owner and coach is read).
 */
@ApplicationScoped
public class InsightService extends InsightPart {

    @Inject
    InsightQueries queries;

    @Schema(name = "RelationshipInsightScope", description = "What the view covers: the filters as applied.")
    public record InsightScope(@Schema(enumeration = {"PARTNERSHIP", "SCHOOL"}, required = true) String kind,
                               UUID partnershipId, String schoolUrn, SupportForm form, LocalDate from, LocalDate to) {
    }

    @Schema(name = "RelationshipInsight", description = """
            The relationships part of an insight view: aggregates only, every count suppressed when small and \
            rounded otherwise (ADR 0041). Relationships are in scope when proposed within `from`..`to` (inclusive); \
            supporters' load is as of now.""")
    public record RelationshipInsight(
            @Schema(required = true) InsightScope scope,
            @Schema(required = true, description = InsightApi.AS_OF) Instant asOf,
            @Schema(required = true, description = InsightApi.SUPPRESSION_THRESHOLD) int suppressionThreshold,
            @Schema(required = true) List<FormStatusCell> relationshipsByFormAndStatus,
            @Schema(required = true, description = "Mentoring relationships by purpose.") List<PurposeCell> mentoringByPurpose,
            @Schema(required = true, description = "Per form, and over all forms (form `ALL`).") List<Pipeline> pipeline,
            @Schema(required = true) List<SupporterLoad> supporterLoad,
            @Schema(required = true) List<ProtectedTimeRow> protectedTime,
            @Schema(required = true, description = "Per form with a supporter role.") List<HoursCredited> hoursCredited,
            @Schema(required = true, description = "Every step, in the pathway's order.") List<PathwayStep> pathway,
            @Schema(required = true) Reciprocity coCoachingReciprocity,
            @Schema(required = true) List<SelfDirectionRow> selfDirection,
            @Schema(required = true, description = "What this view cannot answer yet, and why.") List<String> notAvailable) {
    }

    @Schema(name = "InsightFormStatusCell")
    public record FormStatusCell(@Schema(required = true) SupportForm form, @Schema(required = true) RelationshipStatus status,
                                 @Schema(required = true) InsightCount relationships) {
    }

    @Schema(name = "InsightPurposeCell")
    public record PurposeCell(@Schema(required = true) MentoringPurpose purpose, @Schema(required = true) InsightCount relationships) {
    }

    @Schema(name = "InsightPipeline", description = "Proposals and what became of them; days from proposal to activation.")
    public record Pipeline(@Schema(required = true, enumeration = {"MENTORING", "SPECIALIST_COACHING", "CO_COACHING", "ALL"}) String form,
                           @Schema(required = true) InsightCount proposed, @Schema(required = true) InsightCount activated,
                           @Schema(description = "Null when `activated` is suppressed or zero.") Double medianDaysToActive,
                           @Schema(description = "Null when `activated` is suppressed or zero.") Double p90DaysToActive,
                           @Schema(required = true) InsightCount expired, @Schema(required = true) InsightCount declined,
                           @Schema(required = true) InsightCount withdrawn,
                           @Schema(required = true, description = "Proposals made by referral out of another relationship.") InsightCount referrals) {
    }

    @Schema(name = "InsightSupporterLoad", description = "Supporters' open relationships against their declared capacity, now.")
    public record SupporterLoad(@Schema(required = true) SupportForm form, @Schema(required = true) InsightCount supporters,
                                @Schema(required = true) InsightCount capacity, @Schema(required = true) InsightCount load,
                                @Schema(required = true, description = "Supporters holding more places than their capacity.") InsightCount overloaded,
                                @Schema(required = true, description = "Supporters with no free place.") InsightCount atCapacity,
                                @Schema(required = true, description = "Places free with supporters whose offer is not paused.") InsightCount freePlaces,
                                @Schema(required = true) InsightCount paused) {
    }

    @Schema(name = "InsightProtectedTime", description = """
            Protected time per school of the learners and peers: the current agreements' hours per half-term times \
            the half-terms since activation (budget) against held and still planned conversations. Hours are null when \
            `relationships` is suppressed.""")
    public record ProtectedTimeRow(@Schema(required = true) String schoolUrn, @Schema(required = true) InsightCount relationships,
                                   Double budgetHours, Double heldHours, Double plannedHours,
                                   @Schema(description = "heldHours / budgetHours, or null.") Double shareUsed) {
    }

    @Schema(name = "InsightHoursCredited", description = """
            Hours credited to supporters (docs/architecture.md#rule-7-mentors-and-coaches-own-learning): the held \
            conversations of the relationships in scope, credited to the mentor or specialist coach, or to the peer who \
            coached in a co-coaching conversation. `hours` is null when `supporters` is suppressed or zero.""")
    public record HoursCredited(@Schema(required = true) SupportForm form, @Schema(required = true) InsightCount supporters,
                                Double hours) {
    }

    @Schema(name = "InsightPathwayStep", description = """
            Practitioners in scope by the furthest step of the pathway they reached (being coached, co-coach, \
            specialist coach, mentor), each counted once: a step is reached by taking that part in a relationship \
            that became active.""")
    public record PathwayStep(@Schema(required = true, enumeration = {"BEING_COACHED", "CO_COACH", "SPECIALIST_COACH", "MENTOR"})
                              String step, @Schema(required = true) InsightCount practitioners) {
    }

    static final List<String> PATHWAY = List.of("BEING_COACHED", "CO_COACH", "SPECIALIST_COACH", "MENTOR");

    @Schema(name = "InsightReciprocity", description = """
            Co-coaching relationships by whether the coach role alternates: balanced when every peer coached and their \
            turns differ by at most one; averageBalance is fewest / most turns (1 = even).""")
    public record Reciprocity(@Schema(required = true) InsightCount relationships, @Schema(required = true) InsightCount balanced,
                              @Schema(required = true) InsightCount unbalanced,
                              @Schema(required = true, description = "Fewer than two held conversations with a coach.") InsightCount notEnoughConversations,
                              Double averageBalance) {
    }

    @Schema(name = "InsightSelfDirection", description = """
            Learners by the direction of their self-direction (ADR 0041): the learner share of the later half of what \
            was set against the earlier half, in the order it was set (here: the agendas of held conversations).""")
    public record SelfDirectionRow(String schoolUrn, @Schema(required = true) InsightCount learners,
                                   @Schema(required = true) InsightCount rising, @Schema(required = true) InsightCount steady,
                                   @Schema(required = true) InsightCount falling, @Schema(required = true) InsightCount notEnoughData) {
    }

    static final List<String> NOT_AVAILABLE = List.of(
            "supporterLoadByExpertise: directory-service answers it (the supportLoad part of the gateway's view); the "
                    + "directory read model of this service keeps capacity per form only, not by expertise");

    @Transactional
    public RelationshipInsight partnership(UUID partnership, String school, SupportForm form, LocalDate from, LocalDate to,
                                           Caller caller) {
        InsightAccess.checkRange(from, to);
        Scope scope = new Scope(partnership, school, form, from, to);
        return partnershipView(caller, partnership, scope,
                () -> view(scope, new InsightScope("PARTNERSHIP", partnership, school, form, from, to)));
    }

    @Transactional
    public RelationshipInsight school(String urn, SupportForm form, LocalDate from, LocalDate to, Caller caller) {
        InsightAccess.checkRange(from, to);
        Scope scope = new Scope(null, urn, form, from, to);
        return schoolView(caller, urn, queries::partnershipsOfSchool, scope,
                () -> view(scope, new InsightScope("SCHOOL", null, urn, form, from, to)));
    }

    private RelationshipInsight view(Scope scope, InsightScope described) {
        List<SupportForm> forms = scope.form() == null ? Arrays.asList(SupportForm.values()) : List.of(scope.form());
        InsightQueries.Breakdown breakdown = queries.byFormStatusAndPurpose(scope);
        Map<String, Long> byStatus = breakdown.byStatus().stream()
                .collect(Collectors.toMap(r -> r.form() + "/" + r.status(), InsightQueries.FormStatusRow::count));
        List<FormStatusCell> statusCells = new ArrayList<>();
        for (SupportForm f : forms) {
            for (RelationshipStatus st : RelationshipStatus.values()) {
                statusCells.add(new FormStatusCell(f, st, count(byStatus.getOrDefault(f + "/" + st, 0L))));
            }
        }
        List<PurposeCell> purposeCells = new ArrayList<>();
        if (forms.contains(SupportForm.MENTORING)) {
            Map<String, Long> byPurpose = breakdown.byPurpose().stream()
                    .filter(r -> SupportForm.MENTORING.name().equals(r.form()))
                    .collect(Collectors.toMap(InsightQueries.FormPurposeRow::purpose, InsightQueries.FormPurposeRow::count));
            for (MentoringPurpose p : MentoringPurpose.values()) {
                purposeCells.add(new PurposeCell(p, count(byPurpose.getOrDefault(p.name(), 0L))));
            }
        }
        return new RelationshipInsight(described, Instant.now(), suppression.threshold(), statusCells, purposeCells, pipeline(scope, forms),
                load(scope, forms), protectedTime(scope), hoursCredited(scope, forms), pathway(scope), reciprocity(scope),
                selfDirection(scope), NOT_AVAILABLE);
    }

    private List<Pipeline> pipeline(Scope scope, List<SupportForm> forms) {
        Map<String, InsightQueries.PipelineRow> rows = queries.pipeline(scope).stream()
                .collect(Collectors.toMap(r -> r.form() == null ? "ALL" : r.form(), Function.identity(), (a, b) -> a));
        List<String> keys = new ArrayList<>(forms.stream().map(Enum::name).toList());
        keys.add("ALL");
        return keys.stream().map(k -> {
            InsightQueries.PipelineRow r = rows.getOrDefault(k, new InsightQueries.PipelineRow(k, 0, 0, null, null, 0, 0, 0, 0));
            return new Pipeline(k, count(r.proposed()), count(r.activated()), days(suppression.measure(r.activated(), r.medianDaysToActive())),
                    days(suppression.measure(r.activated(), r.p90DaysToActive())), count(r.expired()), count(r.declined()),
                    count(r.withdrawn()), count(r.referrals()));
        }).toList();
    }

    private List<SupporterLoad> load(Scope scope, List<SupportForm> forms) {
        Map<String, InsightQueries.LoadRow> rows = queries.load(scope).stream()
                .collect(Collectors.toMap(InsightQueries.LoadRow::form, Function.identity()));
        return forms.stream().filter(SupportForm::hasSupporter).map(f -> {
            InsightQueries.LoadRow r = rows.getOrDefault(f.name(), new InsightQueries.LoadRow(f.name(), 0, 0, 0, 0, 0, 0, 0));
            return new SupporterLoad(f, count(r.supporters()), count(r.capacity()), count(r.load()), count(r.overloaded()),
                    count(r.full()), count(r.freePlaces()), count(r.paused()));
        }).toList();
    }

    private List<HoursCredited> hoursCredited(Scope scope, List<SupportForm> forms) {
        Map<String, InsightQueries.HoursRow> rows = queries.hoursCredited(scope).stream()
                .collect(Collectors.toMap(InsightQueries.HoursRow::form, Function.identity()));
        return forms.stream().map(f -> {
            InsightQueries.HoursRow r = rows.getOrDefault(f.name(), new InsightQueries.HoursRow(f.name(), 0, 0));
            return new HoursCredited(f, count(r.supporters()), hours(suppression.measure(r.supporters(), (double) r.minutes())));
        }).toList();
    }

    private List<PathwayStep> pathway(Scope scope) {
        Map<Integer, Long> reached = queries.pathway(scope).stream()
                .collect(Collectors.toMap(InsightQueries.PathwayRow::step, InsightQueries.PathwayRow::practitioners));
        List<PathwayStep> steps = new ArrayList<>();
        for (int i = 0; i < PATHWAY.size(); i++) {
            steps.add(new PathwayStep(PATHWAY.get(i), count(reached.getOrDefault(i + 1, 0L))));
        }
        return steps;
    }

    private List<ProtectedTimeRow> protectedTime(Scope scope) {
        return queries.protectedTime(scope).stream().map(r -> {
            Double budget = hours(suppression.measure(r.relationships(), (double) r.budgetMinutes()));
            Double held = hours(suppression.measure(r.relationships(), (double) r.heldMinutes()));
            Double planned = hours(suppression.measure(r.relationships(), (double) r.plannedMinutes()));
            Double share = budget == null || held == null || r.budgetMinutes() == 0 ? null
                    : Math.round((double) r.heldMinutes() / r.budgetMinutes() * 100) / 100.0;
            return new ProtectedTimeRow(r.schoolUrn(), count(r.relationships()), budget, held, planned, share);
        }).toList();
    }

    private Reciprocity reciprocity(Scope scope) {
        InsightQueries.ReciprocityRow r = queries.reciprocity(scope);
        long compared = r.balanced() + r.unbalanced();
        Double balance = suppression.measure(compared, r.averageBalance());
        return new Reciprocity(count(r.relationships()), count(r.balanced()), count(r.unbalanced()), count(r.notEnoughConversations()),
                balance == null ? null : Math.round(balance * 100) / 100.0);
    }

    private List<SelfDirectionRow> selfDirection(Scope scope) {
        return queries.selfDirection(scope, SelfDirection.STEADY_BAND).stream().map(r -> new SelfDirectionRow(r.schoolUrn(), count(r.learners()),
                count(r.rising()), count(r.steady()), count(r.falling()), count(r.notEnoughData()))).toList();
    }

    private InsightCount count(long n) {
        return suppression.count(n);
    }

    private static Double days(Double d) {
        return d == null ? null : Math.round(d * 10) / 10.0;
    }

    private static Double hours(Double minutes) {
        return minutes == null ? null : Math.round(minutes / 60 * 10) / 10.0;
    }
}
