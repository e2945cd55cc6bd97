package org.cpd.directory.domain;

import java.util.Set;
import java.util.UUID;

/**
 * One learner's need: the form, for mentoring the purpose, for coaching the expertise wanted,
 * optionally a previous supporter to continue with.
 */
public record MatchRequest(SupportForm form, MentoringPurpose purpose, Set<String> expertise, UUID continueWith, int limit) {
}
