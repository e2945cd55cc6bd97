package org.cpd.commons.audit.rest;

/** The audit resource's OpenAPI example. */
final class AuditExamples {

    static final String PAGE = """
            {"items":[{"service":"relationships-service","sequence":1042,"occurredAt":"2026-11-30T09:15:02.123456Z",
              "actor":"mentor.demo","actorPractitionerId":"30000000-0000-4000-8000-000000000001",
              "clientId":"cpd-portal","action":"read","resourceType":"conversation",
              "resourceId":"50000000-0000-4000-8000-000000000007",
              "subjectPersonId":"30000000-0000-4000-8000-000000000003",
              "partnershipIds":["10000000-0000-4000-8000-000000000001"],
              "reason":null,"details":"confidential notes included","requestId":"req-4711"}],
             "nextCursor":null}""";

    private AuditExamples() {
    }
}
