package org.cpd.gateway.privacy;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The printable page of a subject access archive: each service's part as a table of (field, value) rows, in the
 * order the service gave them, with the missing parts said first. Rendered by Qute, which escapes every value.
 */
@Singleton
public class SubjectExportPage {

    /** One field of a part, e.g. {@code relationships[0].form}. */
    @TemplateData
    public record Row(String field, String value) {
    }

    /** One service's part. */
    @TemplateData
    public record Section(String title, String service, List<Row> rows) {
    }

    @Inject
    Template subjectExport;

    public String render(SubjectExport export) {
        List<Section> sections = new ArrayList<>();
        add(sections, "Directory: record, account, appointments, support offer, CPD record", "directory", export.directory());
        add(sections, "Relationships: relationships, agreements, conversations, action points", "relationships",
                export.relationships());
        add(sections, "Goals: goals, evidence, attachments, reviews", "goals", export.goals());
        return subjectExport.data("export", export).data("sections", sections).render();
    }

    private static void add(List<Section> sections, String title, String service, Map<String, Object> part) {
        if (part != null) {
            List<Row> rows = new ArrayList<>();
            part.forEach((key, value) -> flatten(key, value, rows));
            sections.add(new Section(title, service, rows));
        }
    }

    static void flatten(String path, Object value, List<Row> rows) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                rows.add(new Row(path, "(none)"));
            }
            map.forEach((k, v) -> flatten(path + "." + k, v, rows));
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                rows.add(new Row(path, "(none)"));
            }
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), rows);
            }
        } else {
            rows.add(new Row(path, value == null ? "" : String.valueOf(value)));
        }
    }
}
