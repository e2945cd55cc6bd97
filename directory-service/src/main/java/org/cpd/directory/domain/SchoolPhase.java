package org.cpd.directory.domain;

public enum SchoolPhase {
    NURSERY, PRIMARY, MIDDLE, SECONDARY, ALL_THROUGH, SPECIAL, ALTERNATIVE_PROVISION, POST_16
}
