package org.cpd.relationships.domain;

import java.util.UUID;
import org.cpd.commons.security.Caller;

/**
 * Who may change a partnership's cross-partnership setting: an admin of that partnership. Anyone
 * who may use the API reads it (it says nothing about people).
 */
public final class PartnershipSettingAccess {

    private PartnershipSettingAccess() {
    }

    public static boolean mayChange(Caller caller, UUID partnershipId) {
        return caller.administers(partnershipId);
    }
}
