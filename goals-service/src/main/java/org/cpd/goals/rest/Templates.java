package org.cpd.goals.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.cpd.goals.service.PortfolioService.Portfolio;

/** The service's HTML, as type-checked Qute templates under {@code templates/}: every value is escaped. */
@CheckedTemplate
final class Templates {

    private Templates() {
    }

    /** The printable portfolio: plain, self-contained HTML (print to PDF from any browser). */
    static native TemplateInstance portfolio(Portfolio portfolio, long learnerSharePercent);
}
