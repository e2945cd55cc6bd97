package org.cpd.relationships.domain;

/** A conversation is planned ahead, then recorded once held. */
public enum ConversationStatus {
    PLANNED,
    HELD
}
