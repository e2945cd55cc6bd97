package org.cpd.goals.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpd.goals.domain.GoalReview;
import org.cpd.goals.domain.Progress;
import org.cpd.goals.domain.ReviewAction;
import org.cpd.goals.service.ReviewCommand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response shapes of reviews and action plans. */
public final class ReviewDtos {

    private ReviewDtos() {
    }

    @Schema(name = "ActionItem", description = "A next action with its due date.")
    public record ActionItem(@NotBlank @Size(max = 500) String description, @NotNull LocalDate dueOn) {
    }

    @Schema(name = "ReviewRequest")
    public record ReviewRequest(
            @NotNull @Schema(examples = Examples.REVIEWED_ON) LocalDate reviewedOn,
            @NotNull Progress progress,
            @NotBlank @Size(max = 8000) @Schema(description = "What was learned.") String learned,
            @Size(max = 8000) @Schema(description = "Why the approach worked or did not.") String whyItWorked,
            @Size(max = 30) List<@Valid @NotNull ActionItem> actions) {

        public ReviewCommand command() {
            return new ReviewCommand(reviewedOn, progress, learned, whyItWorked, actions == null ? List.of()
                    : actions.stream().map(a -> new ReviewAction(a.description(), a.dueOn())).toList());
        }
    }

    @Schema(name = "Review")
    public record ReviewDto(UUID id, UUID goalId, UUID reviewerId, LocalDate reviewedOn, Progress progress, String learned,
                            String whyItWorked, List<ActionItem> actions, Instant createdAt) {
        public static ReviewDto from(GoalReview r) {
            return new ReviewDto(r.id, r.goalId, r.reviewerId, r.reviewedOn, r.progress, r.learned, r.whyItWorked,
                    r.actions.stream().map(a -> new ActionItem(a.description, a.dueOn)).toList(), r.createdAt);
        }
    }

    @Schema(name = "ReviewPage")
    public record ReviewPage(List<ReviewDto> items, String nextCursor) {
    }
}
