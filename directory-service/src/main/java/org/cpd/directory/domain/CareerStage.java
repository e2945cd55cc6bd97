package org.cpd.directory.domain;

/** Career stages in order of experience (the order is used when fitting mentors to learners). */
public enum CareerStage {
    TRAINEE, EARLY_CAREER_TEACHER, TEACHER, MIDDLE_LEADER, SENIOR_LEADER, HEADTEACHER, EXTERNAL_SPECIALIST;

    /** Whether someone at this stage has been through the stage of {@code learner} (externals count as experienced). */
    public boolean isBeyond(CareerStage learner) {
        return this == EXTERNAL_SPECIALIST ? learner != EXTERNAL_SPECIALIST : ordinal() > learner.ordinal();
    }
}
