package org.cpd.relationships.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.cpd.commons.privacy.ErasureRecord;

/** This service's record of a person's erasure (docs/adr/0043-erasure.md) and what it erased; written once, never changed. */
@Entity
@Table(name = "erasure")
public class Erasure extends ErasureRecord {

    /** How many of the person's relationships were reduced to statistics. */
    public int relationships;

    /** How many of their conversations lost their notes and summary. */
    public int conversations;
}
