package org.cpd.goals.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/** Attachments of evidence (ADR 0031). */
@ConfigMapping(prefix = "cpd.attachments")
public interface AttachmentsConfig {

    /** The largest file accepted; the HTTP body limit leaves room for the multipart framing around it. */
    MemorySize maxBytes();
}
