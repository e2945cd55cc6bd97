package org.cpd.contracts.relationships;

import java.util.UUID;

/** A partnership's relationship setting after a change. */
public record PartnershipSettingData(UUID partnershipId, boolean allowsCrossPartnership) {
}
