package org.cpd.goals.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EvidencePage", description = "One page of evidence; follow nextCursor until it is null.")
public record EvidencePage(List<EvidenceDto> items, String nextCursor) {
}
