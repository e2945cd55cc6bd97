package org.cpd.goals.domain;

import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** A next action agreed at a review, with its due date. */
@Embeddable
public class ReviewAction {

    public String description;

    public LocalDate dueOn;

    public ReviewAction() {
    }

    public ReviewAction(String description, LocalDate dueOn) {
        this.description = description;
        this.dueOn = dueOn;
    }
}
