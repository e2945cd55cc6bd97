package org.cpd.relationships.domain;

/** Every explicit action on a relationship's lifecycle. */
public enum Transition {
    ACCEPT,
    DECLINE,
    WITHDRAW,
    ACTIVATE,
    PAUSE,
    RESUME,
    CLOSE,
    EXPIRE
}
