package org.cpd.goals.rest;

/** Every example value of the goals-service OpenAPI document, in one place. */
final class Examples {

    /** A goal as the API returns it. */
    static final String GOAL = """
            {"id":"6f1c2a4e-3b1d-4c55-9a77-2f0e8d1b5c10","ownerId":"30000000-0000-4000-8000-000000000003",
             "title":"Pupils explain their reasoning in mathematics",
             "pupilAspiration":"Every pupil in 8B can explain how they reached an answer",
             "priority":"BOTH","successCriteria":"In three observed lessons most pupils justify answers unprompted",
             "currentPractice":"I model explanations","stretch":"Drawing explanations out of pupils",
             "targetDate":"2026-12-18","setBy":"LEARNER_LED","status":"ACTIVE","visibility":"RELATIONSHIP",
             "schoolUrn":null,"relationshipIds":["40000000-0000-4000-8000-000000000001"],
             "discontinuedReason":null,"supersedes":null,"supersededBy":null,
             "statusChangedAt":"2026-09-15T09:00:00Z","version":1,
             "createdAt":"2026-09-14T16:20:00Z","updatedAt":"2026-09-15T09:00:00Z"}""";

    static final String FRAMEWORK_CODE = "EARLY-CAREER-FRAMEWORK";
    static final String STANDARD_CODE = "TS5";
    static final String EVIDENCE_OCCURRED_ON = "2026-10-02";
    static final String EVIDENCE_TITLE = "Observed lesson: 8B ratio, think-pair-share";
    static final String REVIEWED_ON = "2026-11-20";
    static final String GOAL_TITLE = "Pupils explain their reasoning in mathematics";
    static final String PUPIL_ASPIRATION = "Every pupil in 8B can explain how they reached an answer, not only the answer";
    static final String SUCCESS_CRITERIA = "In three observed lessons most pupils justify answers unprompted";
    static final String TARGET_DATE = "2026-12-18";
    static final String SCHOOL_URN = "100001";
    static final String DISCONTINUE_REASON = "The class changed timetable; the goal no longer fits";
    static final String OWNER_ME = "me";

    private Examples() {
    }
    static final String ERASURE = """
            {"service":"goals-service","erasureId":"70000000-0000-4000-8000-000000000007",
             "practitionerId":"30000000-0000-4000-8000-000000000003","status":"applied",
             "requestedAt":"2026-12-01T10:00:00Z","appliedAt":"2026-12-01T10:00:02Z",
             "partnershipIds":["10000000-0000-4000-8000-000000000001"],"goals":3,"evidenceDeleted":4,
             "evidenceAnonymised":2,"attachmentsDeleted":5}""";


    static final String SUBJECT_EXPORT = """
            {"service":"goals-service","exportedAt":"2026-11-30T10:00:00Z",
             "practitionerId":"30000000-0000-4000-8000-000000000003","goals":[],"evidence":[],"reviews":[]}""";
}
