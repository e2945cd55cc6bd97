package org.cpd.contracts.goals;

import java.util.List;
import java.util.UUID;

/**
 * A standards framework was created (reference data evidence is mapped to).
 *
 * @param standardCodes the codes of its standards, in their order
 */
public record StandardsFrameworkData(UUID frameworkId, String code, List<String> standardCodes) {
}
