package org.cpd.relationships.domain;

/** Who set a conversation's agenda: the learner's growing self-direction (DESIGN rule 6). */
public enum AgendaOwner {
    SUPPORTER_LED,
    SHARED,
    LEARNER_LED;

    /** 0 supporter-led, 1 shared, 2 learner-led: a trend line over these shows growing self-direction. */
    public int score() {
        return ordinal();
    }
}
