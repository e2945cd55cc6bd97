package org.cpd.testsupport.authz;

/**
 * Builds what one cell acts on (through the service's API and test helpers) and returns the
 * request: path parameters, a minimal valid body, preconditions such as If-Match. A cell that
 * may succeed in changing something should get a resource of its own, so cells stay independent.
 */
@FunctionalInterface
public interface Arrangement {

    Request arrange(Cell cell);
}
