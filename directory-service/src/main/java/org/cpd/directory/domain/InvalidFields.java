package org.cpd.directory.domain;

import java.util.ArrayList;
import java.util.List;
import org.cpd.commons.domain.RuleViolation;

/**
 * Several input fields break rules at once; all are reported together, like Bean Validation errors,
 * so a client fixes them in one round.
 */
public final class InvalidFields extends RuleViolation {

    /** One field at fault. */
    public record Fault(String field, String message) {
    }

    private final List<Fault> faults;

    private InvalidFields(List<Fault> faults) {
        super(Kind.INVALID, "validation-failed",
                faults.size() == 1 ? "1 field is not valid" : faults.size() + " fields are not valid", null);
        this.faults = List.copyOf(faults);
    }

    public List<Fault> faults() {
        return faults;
    }

    /** Collects faults; {@link #throwIfAny()} raises them together. */
    public static final class Collector {
        private final List<Fault> faults = new ArrayList<>();

        public Collector add(String field, String message) {
            faults.add(new Fault(field, message));
            return this;
        }

        public void throwIfAny() {
            if (!faults.isEmpty()) {
                throw new InvalidFields(faults);
            }
        }
    }

    public static Collector collect() {
        return new Collector();
    }
}
