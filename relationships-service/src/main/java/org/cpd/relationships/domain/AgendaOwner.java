package org.cpd.relationships.domain;

/** Who set a conversation's agenda: the learner's growing self-direction (docs/architecture.md#rule-6-self-direction). */
public enum AgendaOwner {
    SUPPORTER_LED,
    SHARED,
    LEARNER_LED;

    /** 0 supporter-led, 1 shared, 2 learner-led: a trend line over these shows growing self-direction. */
    public int score() {
        return ordinal();
    }
}
