package org.cpd.relationships.domain;

/** SUPPORTER (mentor or specialist coach) and LEARNER, or PEER in co-coaching. */
public enum ParticipantRole {
    SUPPORTER,
    LEARNER,
    PEER
}
