package org.cpd.directory.domain;

public enum Term {
    AUTUMN, SPRING, SUMMER
}
