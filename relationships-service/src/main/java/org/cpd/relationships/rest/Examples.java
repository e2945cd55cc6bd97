package org.cpd.relationships.rest;

/** Every request and response example of the OpenAPI document, one per form where it matters. */
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

    static final String CONVERSATION_MENTORING = """
            {"relationshipId":"40000000-0000-4000-8000-000000000001","startsAt":"2026-10-05T15:30:00Z","durationMinutes":45,
             "setting":"QUIET_SPACE","activities":["OBSERVATION_DISCUSSION","REVIEW_ACTION_PLANNING"],"agendaOwner":"SHARED",
             "sharedSummary":"Looked at questioning in the Year 8 lesson; wait time improved.",
             "confidentialNotes":"Feeling stretched by the new timetable; agreed to raise workload at the next review.",
             "actionPoints":[{"description":"Try no-hands-up questioning with 8C","ownerId":"30000000-0000-4000-8000-000000000003","dueOn":"2026-10-19"}]}""";

    static final String CONVERSATION_CO_COACHING = """
            {"relationshipId":"40000000-0000-4000-8000-000000000002","startsAt":"2026-10-06T12:30:00Z","durationMinutes":30,
             "setting":"OBSERVATION_IN_ANOTHER_CLASSROOM","activities":["OBSERVATION_DISCUSSION","SHARED_ANALYSIS"],
             "agendaOwner":"LEARNER_LED","coachId":"30000000-0000-4000-8000-000000000005",
             "sharedSummary":"Observed the odd-one-out starter from the Thinking Skills course."}""";

    static final String ACTIVITIES_CO_COACHING = """
            [{"code":"RECIPROCAL_ACTION_PLANNING","label":"Plan actions for each other in turn","forms":["CO_COACHING"]}]""";

    static final String REFERRAL = """
            {"fromRelationshipId":"40000000-0000-4000-8000-000000000001","mentorId":"30000000-0000-4000-8000-000000000002",
             "purpose":"CHALLENGE","reason":"Behaviour difficulties across all classes need more than coaching on one aspect"}""";

    static final String KNOWN_PARTICIPANT = """
            {"practitionerId":"30000000-0000-4000-8000-000000000002","active":true,"schoolUrn":"100001",
             "partnershipIds":["10000000-0000-4000-8000-000000000001"],
             "capacity":[{"form":"MENTORING","capacity":2,"paused":false,"load":1,"free":1},
                         {"form":"SPECIALIST_COACHING","capacity":3,"paused":false,"load":0,"free":3}],
             "version":1,"updatedAt":"2026-09-01T08:00:00Z"}""";

    static final String ERASURE = """
            {"service":"relationships-service","erasureId":"70000000-0000-4000-8000-000000000007",
             "practitionerId":"30000000-0000-4000-8000-000000000003","status":"applied",
             "requestedAt":"2026-12-01T10:00:00Z","appliedAt":"2026-12-01T10:00:02Z",
             "partnershipIds":["10000000-0000-4000-8000-000000000001"],"relationships":2,"conversations":5}""";

    static final String SUBJECT_EXPORT = """
            {"service":"relationships-service","exportedAt":"2026-11-30T10:00:00Z",
             "practitionerId":"30000000-0000-4000-8000-000000000003",
             "knownAs":{"active":true,"schoolUrn":"100001","organisationId":null,
              "careerStage":"EARLY_CAREER_TEACHER","partnershipIds":["10000000-0000-4000-8000-000000000001"],
              "lineManagerIds":[],"appraiserIds":[]},
             "relationships":[],"agreements":[],"conversations":[],"actionPointsOwned":[],
             "confidentialNotesIncluded":true}""";
}
