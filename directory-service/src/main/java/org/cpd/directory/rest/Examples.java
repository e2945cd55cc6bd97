package org.cpd.directory.rest;

/** Every OpenAPI example of the service, in one place. */
final class Examples {

    static final String PARTNERSHIP = """
            {"id":"10000000-0000-4000-8000-000000000001","name":"North Shore Teaching Partnership","kind":"REGIONAL_CPD",
             "description":"Lead school and member schools of the north shore","createdAt":"2026-09-01T08:00:00Z",
             "updatedAt":"2026-09-01T08:00:00Z"}""";
    static final String SCHOOL = """
            {"id":"20000000-0000-4000-8000-000000000001","urn":"100001","name":"Harbour Primary School","phase":"PRIMARY",
             "localAuthority":"Northshire","partnershipIds":["10000000-0000-4000-8000-000000000001"],
             "createdAt":"2026-09-01T08:00:00Z","updatedAt":"2026-09-01T08:00:00Z"}""";
    static final String ORGANISATION = """
            {"id":"40000000-0000-4000-8000-000000000001","name":"University of Northshire School of Education",
             "kind":"UNIVERSITY","website":"https://education.northshire.example",
             "partnershipIds":["10000000-0000-4000-8000-000000000001"],
             "createdAt":"2026-09-01T08:00:00Z","updatedAt":"2026-09-01T08:00:00Z"}""";

    static final String EXPERTISE = """
            {"code":"ASSESSMENT_FOR_LEARNING","label":"Assessment for Learning","category":"PEDAGOGY","phase":null,
             "description":"Formative assessment: learning intentions, questioning, feedback.","active":true,
             "updatedAt":"2026-09-01T08:00:00Z"}""";
    static final String PRACTITIONER = """
            {"id":"30000000-0000-4000-8000-000000000003","fullName":"Tom Teacher","email":"teacher@harbour.sch.uk",
             "schoolId":"20000000-0000-4000-8000-000000000001","schoolUrn":"100001","schoolName":"Harbour Primary School",
             "careerStage":"EARLY_CAREER_TEACHER","subjects":["PRIMARY_GENERALIST"],"phases":["PRIMARY"],
             "partnershipIds":["10000000-0000-4000-8000-000000000001"],"active":true,
             "lineManagerIds":["30000000-0000-4000-8000-000000000001"],"appraiserIds":[],
             "createdAt":"2026-09-01T08:00:00Z","updatedAt":"2026-09-01T08:00:00Z"}""";
    static final String SUPPORT_OFFER = """
            {"practitionerId":"30000000-0000-4000-8000-000000000002","paused":false,
             "forms":[{"form":"MENTORING","capacity":2,"load":1,"freeCapacity":1,"accreditation":"Accredited ITE mentor"},
                      {"form":"SPECIALIST_COACHING","capacity":3,"load":0,"freeCapacity":3,"accreditation":null}],
             "mentoringPurposes":["INDUCTION","PROGRESSION"],"expertiseCodes":["ASSESSMENT_FOR_LEARNING","EARLY_CAREER_INDUCTION"],
             "availability":{"terms":["AUTUMN","SPRING"],"weekdays":["TUESDAY","THURSDAY"]},
             "workModes":["OWN_SCHOOL","PARTNERSHIP_TRAVEL"],"profile":"Primary maths lead; mentors ECTs.",
             "updatedAt":"2026-09-01T08:00:00Z"}""";
    static final String SUPPORTER = """
            {"practitionerId":"30000000-0000-4000-8000-000000000002","fullName":"Maya Mentor","careerStage":"MIDDLE_LEADER",
             "schoolUrn":"100001","schoolName":"Harbour Primary School","subjects":["MATHEMATICS"],"phases":["PRIMARY"],
             "forms":[{"form":"MENTORING","capacity":2,"load":1,"freeCapacity":1,"accreditation":"Accredited ITE mentor"}],
             "mentoringPurposes":["INDUCTION"],"expertiseCodes":["EARLY_CAREER_INDUCTION","PRIMARY_MATHEMATICS"],
             "availability":{"terms":["AUTUMN"],"weekdays":["TUESDAY"]},"workModes":["OWN_SCHOOL"],"profile":"Maths lead."}""";
    static final String MATCH = """
            {"learnerId":"30000000-0000-4000-8000-000000000003","form":"SPECIALIST_COACHING","considered":42,
             "candidates":[{"rank":1,"practitionerId":"30000000-0000-4000-8000-000000000002","fullName":"Maya Mentor",
               "careerStage":"MIDDLE_LEADER","schoolUrn":"100001","schoolName":"Harbour Primary School","score":55,
               "capacity":3,"freeCapacity":3,
               "reasons":[{"code":"EXPERTISE_OVERLAP","points":20,"detail":"offers ASSESSMENT_FOR_LEARNING"},
                          {"code":"SAME_PHASE","points":15,"detail":"works in PRIMARY"},
                          {"code":"SAME_SUBJECT","points":15,"detail":"teaches MATHEMATICS"},
                          {"code":"SAME_SCHOOL","points":5,"detail":"works in the learner's school and knows its context"},
                          {"code":"FREE_CAPACITY","points":0,"detail":"3 of 3 places free"}],"flags":[]}],
             "excluded":[{"practitionerId":"30000000-0000-4000-8000-000000000001","fullName":"Lee Lead","reason":"BUFFER_ZONE",
               "detail":"line manager of the learner: buffer zones keep line management apart from specialist coaching"}],
             "excludedCounts":{"BUFFER_ZONE":1}}""";
    static final String CPD_RECORD = """
            {"practitionerId":"30000000-0000-4000-8000-000000000002",
             "supported":[{"form":"MENTORING","current":1,"total":3,"conversations":14,"hoursGiven":10.50},
                          {"form":"SPECIALIST_COACHING","current":0,"total":1,"conversations":4,"hoursGiven":3.00},
                          {"form":"CO_COACHING","current":0,"total":0,"conversations":0,"hoursGiven":0.00}],
             "totalHoursGiven":13.50,"pathwayStage":"MENTOR",
             "pathway":[{"step":"BEING_COACHED","reached":true,"relationships":1},{"step":"CO_COACH","reached":true,"relationships":2},
                        {"step":"SPECIALIST_COACH","reached":true,"relationships":1},{"step":"MENTOR","reached":true,"relationships":3}]}""";
    static final String STAFF_CSV = """
            email,fullName,trn,schoolUrn,careerStage,subjects,phases
            asha.patel@harbour.sch.uk,Asha Patel,1234567,100001,TEACHER,MATHEMATICS,SECONDARY
            """;
    static final String IMPORT_REPORT = """
            {"rows":3,"created":1,"updated":1,"unchanged":0,"failed":1,
             "errors":[{"row":4,"field":"trn","message":"must be the 7-digit Teacher Reference Number"}]}""";

    static final String STAFF_SYNC_CSV = """
            misStaffId,trn,givenName,familyName,email,role,lineManagerMisId,subjects,phases,startDate,leaveDate
            S1001,1234567,Asha,Patel,asha.patel@harbour.sch.uk,MIDDLE_LEADER,,MATHEMATICS,SECONDARY,2019-09-01,
            S1002,,Tom,Reed,tom.reed@harbour.sch.uk,EARLY_CAREER_TEACHER,S1001,MATHEMATICS,SECONDARY,2026-09-01,
            """;
    static final String STAFF_SYNC_JSON = """
            [{"misStaffId":"S1001","trn":"1234567","givenName":"Asha","familyName":"Patel",
              "email":"asha.patel@harbour.sch.uk","role":"MIDDLE_LEADER","subjects":["MATHEMATICS"],"phases":["SECONDARY"]},
             {"misStaffId":"S1002","givenName":"Tom","familyName":"Reed","email":"tom.reed@harbour.sch.uk",
              "role":"EARLY_CAREER_TEACHER","lineManagerMisId":"S1001"}]""";
    static final String STAFF_SYNC = """
            {"id":"60000000-0000-4000-8000-000000000001","schoolId":"20000000-0000-4000-8000-000000000001",
             "schoolUrn":"100001","mode":"FULL","dryRun":false,"atomic":false,"status":"COMPLETED_WITH_REJECTIONS",
             "rows":3,"created":1,"updated":1,"unchanged":0,"deactivated":1,"rejected":1,
             "rowsHref":"/api/v1/schools/20000000-0000-4000-8000-000000000001/staff-syncs/60000000-0000-4000-8000-000000000001/rows",
             "createdAt":"2026-09-01T08:00:00Z"}""";
    static final String STAFF_SYNC_ROW = """
            {"line":4,"misStaffId":"S1003","outcome":"REJECTED","practitionerId":null,
             "errors":[{"field":"trn","reason":"must be the 7-digit Teacher Reference Number"}]}""";

    static final String PARTNERSHIP_ADMIN_APPOINTMENT = """
            {"id":"50000000-0000-4000-8000-000000000001","role":"PARTNERSHIP_ADMIN",
             "practitionerId":"30000000-0000-4000-8000-000000000001","schoolId":null,"schoolUrn":null,
             "partnershipId":"10000000-0000-4000-8000-000000000001","appointedAt":"2026-09-01T08:00:00Z",
             "appointedBy":"8d1e6c1a-3f0e-4a53-9a43-0c1b8d6f2a10","endedAt":null,"endedBy":null,
             "updatedAt":"2026-09-01T08:00:00Z"}""";
    static final String SCHOOL_LEAD_APPOINTMENT = """
            {"id":"50000000-0000-4000-8000-000000000002","role":"SCHOOL_LEAD",
             "practitionerId":"30000000-0000-4000-8000-000000000002","schoolId":"20000000-0000-4000-8000-000000000001",
             "schoolUrn":"100001","partnershipId":null,"appointedAt":"2026-09-01T08:00:00Z",
             "appointedBy":"8d1e6c1a-3f0e-4a53-9a43-0c1b8d6f2a10","endedAt":null,"endedBy":null,
             "updatedAt":"2026-09-01T08:00:00Z"}""";
    static final String PARTNERSHIP_ADMIN_PAGE = "{\"items\":[" + PARTNERSHIP_ADMIN_APPOINTMENT + "],\"nextCursor\":null}";
    static final String SCHOOL_LEAD_PAGE = "{\"items\":[" + SCHOOL_LEAD_APPOINTMENT + "],\"nextCursor\":null}";
    static final String ACCOUNT = """
            {"practitionerId":"30000000-0000-4000-8000-000000000003","state":"INVITED","invitationDue":true}""";
    static final String RECONCILE_REPORT = """
            {"checked":34,"repaired":1,"failed":0,"accounts":[{"practitionerId":"30000000-0000-4000-8000-000000000003",
             "state":"ACTIVE","changes":["school_urns","role -school-lead"],"error":null}]}""";
    static final String PARTNERSHIP_PAGE = "{\"items\":[" + PARTNERSHIP + "],\"nextCursor\":null}";
    static final String STAFF_SYNC_PAGE = "{\"items\":[" + STAFF_SYNC + "],\"nextCursor\":null}";
    static final String STAFF_SYNC_ROW_PAGE = "{\"items\":[" + STAFF_SYNC_ROW + "],\"nextCursor\":null}";
    static final String SCHOOL_PAGE = "{\"items\":[" + SCHOOL + "],\"nextCursor\":null}";
    static final String ORGANISATION_PAGE = "{\"items\":[" + ORGANISATION + "],\"nextCursor\":null}";
    static final String EXPERTISE_PAGE = "{\"items\":[" + EXPERTISE + "],\"nextCursor\":null}";
    static final String PRACTITIONER_PAGE = "{\"items\":[" + PRACTITIONER + "],\"nextCursor\":null}";
    static final String SUPPORT_OFFER_PAGE = "{\"items\":[" + SUPPORT_OFFER + "],\"nextCursor\":null}";
    static final String SUPPORTER_PAGE = "{\"items\":[" + SUPPORTER + "],\"nextCursor\":null}";

    static final String SUPPORT_LOAD_INSIGHT = """
            {"scope":{"kind":"PARTNERSHIP","partnershipId":"10000000-0000-4000-8000-000000000001","schoolUrn":null,"form":"MENTORING"},
             "asOf":"2026-12-01T10:00:00Z","suppressionThreshold":5,
             "byForm":[{"form":"MENTORING","supporters":{"value":25,"suppressed":false},"paused":{"value":null,"suppressed":true},
               "capacity":{"value":50,"suppressed":false},"load":{"value":40,"suppressed":false},
               "freePlaces":{"value":15,"suppressed":false},"overloaded":{"value":null,"suppressed":true},
               "atCapacity":{"value":10,"suppressed":false}}],
             "byExpertise":[{"area":"SEND","form":"MENTORING","supporters":{"value":null,"suppressed":true},
               "paused":{"value":0,"suppressed":false},"capacity":{"value":null,"suppressed":true},
               "load":{"value":null,"suppressed":true},"freePlaces":{"value":null,"suppressed":true},
               "overloaded":{"value":0,"suppressed":false},"atCapacity":{"value":null,"suppressed":true}}],
             "bySchool":[{"schoolUrn":"100001","form":"MENTORING","supporters":{"value":10,"suppressed":false},
               "paused":{"value":0,"suppressed":false},"capacity":{"value":20,"suppressed":false},
               "load":{"value":15,"suppressed":false},"freePlaces":{"value":5,"suppressed":false},
               "overloaded":{"value":0,"suppressed":false},"atCapacity":{"value":5,"suppressed":false}}]}""";

    private Examples() {
    }

    static final String ERASURE = """
            {"service":"directory-service","erasureId":"70000000-0000-4000-8000-000000000007",
             "practitionerId":"30000000-0000-4000-8000-000000000003","status":"applied",
             "requestedAt":"2026-12-01T10:00:00Z","appliedAt":"2026-12-01T10:00:00Z",
             "partnershipIds":["10000000-0000-4000-8000-000000000001"]}""";

    static final String SUBJECT_EXPORT = """
            {"service":"directory-service","exportedAt":"2026-11-30T10:00:00Z",
             "practitioner":{"id":"30000000-0000-4000-8000-000000000003","fullName":"Tom Teacher","email":"teacher@harbour.sch.uk",
              "schoolUrn":"100001","careerStage":"EARLY_CAREER_TEACHER","partnershipIds":["10000000-0000-4000-8000-000000000001"],
              "active":true,"lineManagerIds":["30000000-0000-4000-8000-000000000001"],"appraiserIds":[]},
             "accountState":"ACTIVE","appointments":[],"supportOffer":null,
             "cpdRecord":{"practitionerId":"30000000-0000-4000-8000-000000000003","supported":[],"totalHoursGiven":0,"pathway":[]},
             "lineManagerOf":[],"appraiserOf":[]}""";

    // ---- webhooks (docs/integrations.md#webhooks)

    static final String WEBHOOK = """
            {"id":"90000000-0000-4000-8000-000000000001","url":"https://mis.example.org/cpd/webhooks",
             "eventTypes":["cpd.directory.practitioner-registered.v2","cpd.directory.practitioner-deactivated.v2"],
             "partnershipId":null,"schoolUrn":"100001","description":"Harbour Academy's MIS",
             "active":true,"deliveriesHref":"/api/v1/webhooks/90000000-0000-4000-8000-000000000001/deliveries",
             "createdAt":"2026-09-01T08:00:00Z","updatedAt":"2026-09-01T08:00:00Z"}""";
    static final String WEBHOOK_WITH_SECRET = """
            {"id":"90000000-0000-4000-8000-000000000001","url":"https://mis.example.org/cpd/webhooks",
             "eventTypes":["cpd.directory.practitioner-registered.v2","cpd.directory.practitioner-deactivated.v2"],
             "partnershipId":null,"schoolUrn":"100001","description":"Harbour Academy's MIS",
             "active":true,"deliveriesHref":"/api/v1/webhooks/90000000-0000-4000-8000-000000000001/deliveries",
             "secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwGmOv0N8CfFQ=",
             "createdAt":"2026-09-01T08:00:00Z","updatedAt":"2026-09-01T08:00:00Z"}""";
    static final String WEBHOOK_PAGE = "{\"items\":[" + WEBHOOK + "],\"nextCursor\":null}";
    static final String WEBHOOK_DELIVERY = """
            {"id":"91000000-0000-4000-8000-000000000001","webhookId":"msg_91000000-0000-4000-8000-000000000001",
             "eventId":"5f0c2b8e-8d1a-4c7e-9a51-2f4c1e6b7d10","eventType":"cpd.directory.practitioner-registered.v2",
             "status":"DELIVERED","attempts":2,"nextAttemptAt":null,"lastStatusCode":200,"lastError":null,
             "deliveredAt":"2026-09-01T08:00:06Z","createdAt":"2026-09-01T08:00:00Z","updatedAt":"2026-09-01T08:00:06Z"}""";
    static final String WEBHOOK_DELIVERY_PAGE = "{\"items\":[" + WEBHOOK_DELIVERY + "],\"nextCursor\":null}";
    static final String WEBHOOK_DELIVERY_DETAIL = "{\"delivery\":" + WEBHOOK_DELIVERY + ","
            + "\"body\":\"{\\\"specversion\\\":\\\"1.0\\\",\\\"id\\\":\\\"5f0c2b8e-8d1a-4c7e-9a51-2f4c1e6b7d10\\\"}\","
            + "\"attempts\":[{\"attemptedAt\":\"2026-09-01T08:00:01Z\",\"statusCode\":500,\"error\":\"HTTP 500\",\"durationMs\":41},"
            + "{\"attemptedAt\":\"2026-09-01T08:00:06Z\",\"statusCode\":200,\"error\":null,\"durationMs\":38}]}";
}
