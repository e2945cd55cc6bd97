package org.cpd.goals.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GoalPage", description = "One page of goals; follow nextCursor (or Link rel=next) until it is null.")
public record GoalPage(List<GoalDto> items, String nextCursor) {
}
