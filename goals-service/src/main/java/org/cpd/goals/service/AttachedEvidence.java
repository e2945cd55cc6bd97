package org.cpd.goals.service;

import java.util.List;
import org.cpd.goals.domain.Attachment;
import org.cpd.goals.domain.Evidence;

/** Evidence with its attachments, read in one transaction. */
public record AttachedEvidence(Evidence evidence, List<Attachment> attachments) {
}
