package org.cpd.goals.api;

import java.util.List;
import org.cpd.goals.domain.Evidence;
import org.cpd.goals.domain.GoalReview;
import org.cpd.goals.domain.SelfDirection;
import org.cpd.goals.service.PortfolioService.GoalEntry;
import org.cpd.goals.service.PortfolioService.Portfolio;
import org.cpd.goals.service.PortfolioService.StandardEntry;

/** The printable portfolio: plain, self-contained HTML (print to PDF from any browser). Every value is escaped. */
final class PortfolioHtml {

    private PortfolioHtml() {
    }

    static String render(Portfolio p) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Portfolio ")
                .append(esc(p.learnerId())).append("</title><style>")
                .append("body{font-family:sans-serif;max-width:52em;margin:2em auto;line-height:1.4}")
                .append("h2{border-bottom:1px solid #888}section.goal{page-break-inside:avoid;margin-bottom:1.5em}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #aaa;padding:.2em .5em}")
                .append("</style></head><body>");
        h.append("<h1>Professional learning portfolio</h1><p>Learner ").append(esc(p.learnerId())).append("</p>");

        h.append("<h2>Goals</h2>");
        if (p.goals().isEmpty()) {
            h.append("<p>No goals to show.</p>");
        }
        for (GoalEntry entry : p.goals()) {
            var g = entry.goal();
            h.append("<section class=\"goal\"><h3>").append(esc(g.title)).append("</h3><p><strong>Status:</strong> ")
                    .append(esc(g.status)).append(" · <strong>Set:</strong> ").append(esc(g.setBy))
                    .append(" · <strong>Target:</strong> ").append(esc(g.targetDate)).append("</p>")
                    .append("<p><strong>Aspiration for pupils:</strong> ").append(esc(g.pupilAspiration)).append("</p>")
                    .append("<p><strong>Success criteria:</strong> ").append(esc(g.successCriteria)).append("</p>");
            if (g.stretch != null) {
                h.append("<p><strong>Stretch:</strong> ").append(esc(g.stretch)).append("</p>");
            }
            evidence(h, entry.evidence());
            for (GoalReview r : entry.reviews()) {
                h.append("<h4>Review ").append(esc(r.reviewedOn)).append(" — ").append(esc(r.progress)).append("</h4><p>")
                        .append(esc(r.learned)).append("</p>");
                if (r.whyItWorked != null) {
                    h.append("<p><em>Why:</em> ").append(esc(r.whyItWorked)).append("</p>");
                }
                if (!r.actions.isEmpty()) {
                    h.append("<ul>");
                    r.actions.forEach(a -> h.append("<li>").append(esc(a.description)).append(" (due ").append(esc(a.dueOn)).append(")</li>"));
                    h.append("</ul>");
                }
            }
            h.append("</section>");
        }
        if (!p.unlinkedEvidence().isEmpty()) {
            h.append("<h2>Other evidence</h2>");
            evidence(h, p.unlinkedEvidence());
        }

        h.append("<h2>Evidence by standard</h2>");
        if (p.byStandard().isEmpty()) {
            h.append("<p>No evidence mapped to standards yet.</p>");
        } else {
            h.append("<table><tr><th>Standard</th><th>Evidence</th></tr>");
            for (StandardEntry s : p.byStandard()) {
                h.append("<tr><td>").append(esc(s.standard().code)).append(" ").append(esc(s.standard().title)).append("</td><td>");
                s.evidence().forEach(e -> h.append(esc(e.title)).append(" (").append(esc(e.occurredOn)).append(")<br>"));
                h.append("</td></tr>");
            }
            h.append("</table>");
        }

        SelfDirection.Trend t = p.selfDirection();
        h.append("<h2>Self-direction</h2><p>Share of goals set by the learner: ")
                .append(Math.round(t.overallLearnerShare() * 100)).append("% (").append(esc(t.direction())).append(")</p>");
        if (!t.periods().isEmpty()) {
            h.append("<table><tr><th>Period</th><th>Supporter-led</th><th>Shared</th><th>Learner-led</th></tr>");
            t.periods().forEach(pe -> h.append("<tr><td>").append(esc(pe.period())).append("</td><td>").append(pe.supporterLed())
                    .append("</td><td>").append(pe.shared()).append("</td><td>").append(pe.learnerLed()).append("</td></tr>"));
            h.append("</table>");
        }
        return h.append("</body></html>").toString();
    }

    private static void evidence(StringBuilder h, List<Evidence> items) {
        if (items.isEmpty()) {
            return;
        }
        h.append("<ul>");
        for (Evidence e : items) {
            h.append("<li><strong>").append(esc(e.title)).append("</strong> — ").append(esc(e.type)).append(", ")
                    .append(esc(e.occurredOn));
            if (e.reflection != null) {
                h.append("<br><em>Reflection:</em> ").append(esc(e.reflection));
            }
            h.append("</li>");
        }
        h.append("</ul>");
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
