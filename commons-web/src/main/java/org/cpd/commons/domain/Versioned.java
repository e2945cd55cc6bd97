package org.cpd.commons.domain;

/** Something with an optimistic-lock version: what an ETag names. */
public interface Versioned {

    long currentVersion();
}
