package org.cpd.contracts.goals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Evidence from practice was recorded. For PRIVATE evidence only the ids, the visibility and the
 * date are sent: type, goals and standards stay inside goals-service.
 */
public record EvidenceAddedData(UUID evidenceId, UUID ownerId, String visibility, LocalDate occurredOn,
                                String type, List<UUID> goalIds, List<String> standardCodes) {
}
