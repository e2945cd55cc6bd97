package org.cpd.commons.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Optional;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.ProblemTranslator;
import org.cpd.commons.web.Problems;
import org.hibernate.StaleStateException;

/** What the database's refusals mean to a client: a lost optimistic lock, a constraint, a serialisation retry. */
@ApplicationScoped
public class DatabaseProblems implements ProblemTranslator {

    @Override
    public Optional<Problem> translate(Throwable t) {
        if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
            return Optional.of(Problem.of(412, "precondition-failed", "The resource changed meanwhile")
                    .detail("Someone else changed it first: read it again and retry with its new ETag"));
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            return Optional.ofNullable(switch (sql.getSQLState()) {
                case "23505" -> Problems.conflict("already-exists", "Something with the same identifying values exists already");
                case "23503" -> Problems.conflict("still-referenced", "It is referenced by or refers to something that does not allow this");
                case "23514", "22001" -> Problems.badRequest("constraint-violated", "A value is out of the allowed range or too long");
                // data exceptions the input bounds should have caught first: still the client's input, never a 500
                case "22008", "22007", "22003", "22021", "22P05", "22P02" -> Problems.badRequest("value-not-storable",
                        "A value cannot be stored (a date outside the years 1 to 9999, a control character, a number out of range)");
                case "40001", "40P01" -> Problem.of(503, "busy-retry", "Concurrent update, please retry").detail("Retry the request");
                default -> null;
            });
        }
        return Optional.empty();
    }
}
