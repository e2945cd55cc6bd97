package org.cpd.goals.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** A next action agreed at a review, with its due date. */
@Embeddable
public class ReviewAction {

    @Column(nullable = false)
    public String description;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    public ReviewAction() {
    }

    public ReviewAction(String description, LocalDate dueOn) {
        this.description = description;
        this.dueOn = dueOn;
    }
}
