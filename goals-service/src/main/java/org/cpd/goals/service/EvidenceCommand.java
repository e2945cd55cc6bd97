package org.cpd.goals.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpd.goals.domain.EvidenceType;
import org.cpd.goals.domain.VideoMoment;
import org.cpd.goals.domain.Visibility;

public record EvidenceCommand(EvidenceType type, LocalDate occurredOn, String title, String description,
                              String reflection, String videoUrl, List<VideoMoment> videoMoments,
                              Visibility visibility, String schoolUrn, List<UUID> relationshipIds,
                              List<UUID> goalIds, List<UUID> standardIds) {
}
