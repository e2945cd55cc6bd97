package org.cpd.directory.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A supporter's own CPD record: relationships supported by form, time given, and the pathway reached
 * (docs/architecture.md#rule-7-mentors-and-coaches-own-learning).
 */
public record CpdRecord(UUID practitionerId, List<FormSummary> supported, BigDecimal totalHoursGiven,
                        Pathway pathwayStage, List<PathwayStep> pathway) {

    /** Roles that give support: supporters, and every peer of a co-coaching relationship. */
    private static final Set<String> SUPPORTING_ROLES = Set.of("SUPPORTER", "PEER");

    public record FormSummary(SupportForm form, int current, int total, int conversations, BigDecimal hoursGiven) {
    }

    public record PathwayStep(Pathway step, boolean reached, int relationships) {
    }

    /** One relationship the practitioner takes part in, as the support ledger keeps it. */
    public record Participation(String form, String role, boolean countsToLoad, int minutesGiven, int conversations,
                                boolean wasActive) {
    }

    public static CpdRecord of(UUID practitionerId, List<Participation> participations) {
        Map<SupportForm, int[]> byForm = new EnumMap<>(SupportForm.class); // current, total, conversations, minutes
        Map<Pathway, Integer> steps = new EnumMap<>(Pathway.class);
        for (Participation r : participations) {
            if (SUPPORTING_ROLES.contains(r.role())) {
                int[] sums = byForm.computeIfAbsent(SupportForm.valueOf(r.form()), f -> new int[4]);
                sums[0] += r.countsToLoad() ? 1 : 0;
                sums[1] += 1;
                sums[2] += r.conversations();
                sums[3] += r.minutesGiven();
            }
            Pathway step = Pathway.stepOf(r.form(), r.role());
            if (step != null && r.wasActive()) {
                steps.merge(step, 1, Integer::sum);
            }
        }
        List<FormSummary> supported = new ArrayList<>();
        int totalMinutes = 0;
        for (SupportForm form : SupportForm.values()) {
            int[] s = byForm.getOrDefault(form, new int[4]);
            supported.add(new FormSummary(form, s[0], s[1], s[2], hours(s[3])));
            totalMinutes += s[3];
        }
        List<PathwayStep> pathway = new ArrayList<>();
        Pathway stage = null;
        for (Pathway step : Pathway.values()) {
            int n = steps.getOrDefault(step, 0);
            pathway.add(new PathwayStep(step, n > 0, n));
            if (n > 0) {
                stage = step;
            }
        }
        return new CpdRecord(practitionerId, supported, hours(totalMinutes), stage, pathway);
    }

    private static BigDecimal hours(int minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
