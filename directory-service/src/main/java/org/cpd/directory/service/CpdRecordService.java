package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.web.Problems;
import org.cpd.directory.domain.Pathway;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.SupportForm;

/** A supporter's own CPD record: relationships supported by form, time given, and the pathway reached. */
@ApplicationScoped
@Transactional
public class CpdRecordService {

    public record FormSummary(SupportForm form, int current, int total, int conversations, BigDecimal hoursGiven) {
    }

    public record PathwayStep(Pathway step, boolean reached, int relationships) {
    }

    public record CpdRecord(UUID practitionerId, List<FormSummary> supported, BigDecimal totalHoursGiven,
                            Pathway pathwayStage, List<PathwayStep> pathway) {
    }

    @Inject
    PractitionerService practitioners;

    @Inject
    Access access;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    public CpdRecord record(UUID practitionerId) {
        Practitioner p = practitioners.visible(practitionerId);
        if (!access.seesPrivateFields(p)) {
            throw Problems.notFound("CPD record of practitioner", practitionerId);
        }
        if (!access.isSelf(practitionerId)) {
            audit.record("read", "cpd-record", practitionerId, null);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select form, role, status, counts_to_load, minutes_given, conversations, activated_at is not null
                        from relationship_participation where practitioner_id = ?1""")
                .setParameter(1, practitionerId).getResultList();
        Map<SupportForm, int[]> byForm = new EnumMap<>(SupportForm.class); // current, total, conversations, minutes
        Map<Pathway, Integer> steps = new EnumMap<>(Pathway.class);
        for (Object[] r : rows) {
            String form = (String) r[0];
            String role = (String) r[1];
            boolean counts = (Boolean) r[3];
            int minutes = ((Number) r[4]).intValue();
            int conversations = ((Number) r[5]).intValue();
            boolean wasActive = (Boolean) r[6];
            if ("SUPPORTER".equals(role) || "PEER".equals(role)) {
                int[] sums = byForm.computeIfAbsent(SupportForm.valueOf(form), f -> new int[4]);
                sums[0] += counts ? 1 : 0;
                sums[1] += 1;
                sums[2] += conversations;
                sums[3] += minutes;
            }
            Pathway step = Pathway.stepOf(form, role);
            if (step != null && wasActive) {
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
