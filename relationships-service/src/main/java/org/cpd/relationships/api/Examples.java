package org.cpd.relationships.api;

/** Request and response examples for the OpenAPI document, one per form where it matters. */
final class Examples {

    private Examples() {
    }

    static final String PROPOSE_MENTORING = """
            {"form":"MENTORING","purpose":"INDUCTION",
             "participants":[{"practitionerId":"30000000-0000-4000-8000-000000000002","role":"SUPPORTER"},
                             {"practitionerId":"30000000-0000-4000-8000-000000000003","role":"LEARNER"}],
             "plannedStart":"2026-09-07","plannedEnd":"2027-07-16"}""";

    static final String PROPOSE_COACHING = """
            {"form":"SPECIALIST_COACHING","aspect":"ASSESSMENT_FOR_LEARNING",
             "participants":[{"practitionerId":"30000000-0000-4000-8000-000000000002","role":"SUPPORTER"},
                             {"practitionerId":"30000000-0000-4000-8000-000000000003","role":"LEARNER"}],
             "plannedStart":"2026-09-14","plannedEnd":"2026-12-18"}""";

    static final String PROPOSE_CO_COACHING = """
            {"form":"CO_COACHING",
             "specialistInput":{"kind":"COURSE","description":"Thinking Skills in KS3 science, two-day course"},
             "participants":[{"practitionerId":"30000000-0000-4000-8000-000000000003","role":"PEER"},
                             {"practitionerId":"30000000-0000-4000-8000-000000000005","role":"PEER"}],
             "plannedStart":"2026-09-14","plannedEnd":"2027-02-12"}""";

    static final String PROPOSE_WITH_OVERRIDE = """
            {"form":"SPECIALIST_COACHING","aspect":"BEHAVIOUR_FOR_LEARNING",
             "participants":[{"practitionerId":"30000000-0000-4000-8000-000000000001","role":"SUPPORTER"},
                             {"practitionerId":"30000000-0000-4000-8000-000000000003","role":"LEARNER"}],
             "conflictOverride":{"reason":"Only behaviour specialist in a two-teacher school; agreed with the learner"}}""";

    static final String RELATIONSHIP = """
            {"id":"40000000-0000-4000-8000-000000000001","form":"MENTORING","status":"PROPOSED","purpose":"INDUCTION",
             "participants":[{"practitionerId":"30000000-0000-4000-8000-000000000002","role":"SUPPORTER","schoolUrn":"100001"},
                             {"practitionerId":"30000000-0000-4000-8000-000000000003","role":"LEARNER","schoolUrn":"100001"}],
             "plannedStart":"2026-09-07","plannedEnd":"2027-07-16","proposedBy":"30000000-0000-4000-8000-000000000001",
             "proposedAt":"2026-09-01T08:00:00Z","expiresAt":"2026-09-15T08:00:00Z","flags":[],"version":0,
             "createdAt":"2026-09-01T08:00:00Z","updatedAt":"2026-09-01T08:00:00Z"}""";

    static final String CLOSE_COMPLETED = """
            {"outcome":"COMPLETED_AS_PLANNED","reason":"Induction year completed; all goals reviewed"}""";

    static final String CLOSE_EARLY = """
            {"outcome":"ENDED_EARLY","reason":"Learner moved to another school at Easter"}""";
}
