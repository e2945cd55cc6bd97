package org.cpd.directory.api;

/** Holder for shared OpenAPI examples of partnerships, schools and organisations. */
final class StructureExamples {

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

    private StructureExamples() {
    }
}
