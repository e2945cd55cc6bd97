package org.cpd.goals.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.cpd.commons.privacy.ErasureRecord;

/** This service's record of a person's erasure (docs/adr/0043-erasure.md) and what it erased; written once, never changed. */
@Entity
@Table(name = "erasure")
public class Erasure extends ErasureRecord {

    /** The person's goals whose free text was cleared. */
    public int goals;

    /** Private evidence deleted. */
    public int evidenceDeleted;

    /** Shared evidence kept for statistics, its free text cleared. */
    public int evidenceAnonymised;

    /** Attachments deleted with their large objects. */
    public int attachmentsDeleted;
}
