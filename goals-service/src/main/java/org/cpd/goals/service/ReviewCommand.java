package org.cpd.goals.service;

import java.time.LocalDate;
import java.util.List;
import org.cpd.goals.domain.Progress;
import org.cpd.goals.domain.ReviewAction;

public record ReviewCommand(LocalDate reviewedOn, Progress progress, String learned, String whyItWorked,
                            List<ReviewAction> actions) {
}
