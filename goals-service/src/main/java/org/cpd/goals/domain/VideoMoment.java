package org.cpd.goals.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A moment in a video of practice worth discussing: a timestamp ("12:30" or "1:02:05") and a note. */
public record VideoMoment(
        @NotBlank @Pattern(regexp = "(\\d{1,2}:)?\\d{1,2}:\\d{2}", message = "must be a timestamp such as 12:30 or 1:02:05") String at,
        @Size(max = 500) String note) {
}
