package org.cpd.commons.audit.rest;

import java.util.List;
import org.cpd.commons.web.audit.AuditEntryView;

/** The documented shape of a page of audit entries (the contract filter names it Page_AuditEntry). */
record AuditPage(List<AuditEntryView> items, String nextCursor) {
}
