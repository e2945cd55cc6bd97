package org.cpd.gateway.insight;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The gateway's HTML, as type-checked Qute templates under {@code templates/}: every value is escaped. */
@CheckedTemplate
final class Templates {

    private Templates() {
    }

    /** The printable insight report: self-contained HTML with inline SVG charts, no JavaScript. */
    static native TemplateInstance insightReport(InsightReport report);
}
