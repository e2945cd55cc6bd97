package org.cpd.commons.web.audit;

import java.util.Set;

/**
 * Every action and resource type an audit entry may name, across the services: one closed list, so a
 * reader's filter value is either known (the same in every service the gateway asks) or a 400.
 * {@link AuditFilters}' OpenAPI enumerations list the same values (commons' AuditAccessTest keeps them equal).
 */
public final class AuditCatalogue {

    public static final Set<String> ACTIONS = Set.of("read", "create", "update", "delete", "deactivate",
            "appoint", "end", "resend-invitation", "reconcile", "import", "revise", "status", "attach", "review",
            "link", "override-conflict-of-interest", "export", "erase", "merge", "rotate-secret");

    public static final Set<String> RESOURCE_TYPES = Set.of("practitioner", "line-management", "cpd-record",
            "appointment", "account", "staff", "relationship", "conversation", "partnership-setting", "goal",
            "evidence", "attachment", "portfolio", "audit-entry", "webhook");

    private AuditCatalogue() {
    }

    public static String requireAction(String action) {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("Audit action not in the catalogue: " + action);
        }
        return action;
    }

    public static String requireResourceType(String type) {
        if (!RESOURCE_TYPES.contains(type)) {
            throw new IllegalArgumentException("Audit resource type not in the catalogue: " + type);
        }
        return type;
    }
}
