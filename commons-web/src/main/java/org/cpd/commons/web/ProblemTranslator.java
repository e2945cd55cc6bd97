package org.cpd.commons.web;

import java.util.Optional;

/**
 * Gives a failure from a lower layer (a database constraint, a lost optimistic lock) its problem.
 * Beans implementing it are asked, for each cause of an unmapped exception, by {@link ProblemMappers}.
 */
public interface ProblemTranslator {

    Optional<Problem> translate(Throwable failure);
}
