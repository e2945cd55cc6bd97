package org.cpd.directory.domain;

public enum ExpertiseCategory {
    PEDAGOGY, BEHAVIOUR, SEND, SUBJECT, LEADERSHIP, EARLY_CAREER, WELLBEING
}
