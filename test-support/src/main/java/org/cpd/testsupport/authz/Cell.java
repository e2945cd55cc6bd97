package org.cpd.testsupport.authz;

/** One row of the table: what {@code caller} must get from {@code operation}. */
public record Cell(Operation operation, String caller, Expected expected) {

    /** How a cell is named in a test's KNOWN_GAPS set: {@code operationId/caller}. */
    public String key() {
        return operation.id() + "/" + caller;
    }

    @Override
    public String toString() {
        return operation.id() + " as " + caller + " (" + operation.method() + " " + operation.path() + ")";
    }
}
