package org.cpd.goals.domain;

/** Kinds of direct evidence from practice. */
public enum EvidenceType {
    LESSON_OBSERVATION,
    /** A link to a recording plus timestamps of the moments worth discussing. */
    VIDEO_OF_PRACTICE,
    PUPIL_WORK,
    PUPIL_OUTCOME_DATA,
    RESEARCH_READING,
    REFLECTION,
    FEEDBACK_RECEIVED,
    SPECIALIST_INPUT,
    LESSON_PLAN,
    LEADERSHIP_PLAN
}
