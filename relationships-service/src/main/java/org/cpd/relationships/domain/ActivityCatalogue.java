package org.cpd.relationships.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Activities of learning conversations, as codes, per form (after the framework's "what" lists,
 * in our own words). Several are shared between forms, as the overlap in the framework shows.
 */
public final class ActivityCatalogue {

    /** One activity and the forms it belongs to. */
    public record Activity(String code, String label, List<SupportForm> forms) {
    }

    private static final Map<String, Activity> ALL = new LinkedHashMap<>();

    static {
        add("GOAL_SETTING", "Identify or clarify learning goals", SupportForm.MENTORING, SupportForm.SPECIALIST_COACHING, SupportForm.CO_COACHING);
        add("LEARNER_CONTROL", "Build the learner's control over their own learning", SupportForm.MENTORING, SupportForm.SPECIALIST_COACHING, SupportForm.CO_COACHING);
        add("ACTIVE_LISTENING", "Active listening", SupportForm.MENTORING, SupportForm.SPECIALIST_COACHING, SupportForm.CO_COACHING);
        add("MODELLING_PRACTICE", "Model and articulate practice to raise awareness", SupportForm.MENTORING, SupportForm.SPECIALIST_COACHING);
        add("OBSERVATION_DISCUSSION", "Observe and discuss practice", SupportForm.MENTORING, SupportForm.SPECIALIST_COACHING, SupportForm.CO_COACHING);
        add("SHARED_EXPERIENCE", "Shared learning experience, e.g. joint observation or video", SupportForm.MENTORING, SupportForm.SPECIALIST_COACHING, SupportForm.CO_COACHING);
        add("GUIDANCE_FEEDBACK", "Guidance, feedback and, where needed, direction", SupportForm.MENTORING);
        add("REVIEW_ACTION_PLANNING", "Review and action planning", SupportForm.MENTORING, SupportForm.SPECIALIST_COACHING);
        add("ASSESSMENT_ACCREDITATION", "Assess, appraise or accredit practice", SupportForm.MENTORING);
        add("BROKERING_SUPPORT", "Broker access to other support", SupportForm.MENTORING);
        add("SHARED_PLANNING", "Plan teaching or leadership together, supported by questioning", SupportForm.SPECIALIST_COACHING, SupportForm.CO_COACHING);
        add("DEBRIEF_REFLECTION", "Reflect on and debrief shared experiences", SupportForm.SPECIALIST_COACHING);
        add("RECIPROCAL_ACTION_PLANNING", "Plan actions for each other in turn", SupportForm.CO_COACHING);
        add("SHARED_ANALYSIS", "Analyse evidence, research or other examples of practice together", SupportForm.CO_COACHING);
    }

    private ActivityCatalogue() {
    }

    private static void add(String code, String label, SupportForm... forms) {
        ALL.put(code, new Activity(code, label, List.of(forms)));
    }

    public static List<Activity> all() {
        return List.copyOf(ALL.values());
    }

    public static List<Activity> forForm(SupportForm form) {
        return ALL.values().stream().filter(a -> a.forms().contains(form)).toList();
    }

    /** Codes not in the catalogue of {@code form}. */
    public static Set<String> unknownFor(SupportForm form, List<String> codes) {
        return codes.stream().filter(c -> !ALL.containsKey(c) || !ALL.get(c).forms().contains(form))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
