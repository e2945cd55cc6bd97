package org.cpd.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ConditionEvents;
import org.junit.jupiter.api.Test;

class AuditNamesTest {

    /** Writes audit entries the way services do; one name is outside the catalogue. */
    static final class Auditing {
        void write(Object audit, String id) {
            // audit.entry("read", "practitioner", id)
            // audit.record("sync", "staff", id, "details")
            // audit.entry("read", "school-secret", id)
        }
    }

    @Test
    void readsTheActionAndTypeOfEachAuditCall() {
        assertThat(AuditNames.calls("audit.entry(\"read\", \"goal\", id).record(); audit\n   .record( \"import\" ,\"staff\", x, y);"))
                .containsExactly(new AuditNames.Call("read", "goal"), new AuditNames.Call("import", "staff"));
        assertThat(AuditNames.calls("audit.entry(action, \"appointment\", a.id); entry(\"read\", \"x\")")).isEmpty();
    }

    @Test
    void aNameOutsideTheCatalogueIsAViolation() {
        JavaClass fixture = new ClassFileImporter().importClass(Auditing.class);
        // nested classes share their top-level class's source file
        JavaClass topLevel = new ClassFileImporter().importClass(AuditNamesTest.class);
        ConditionEvents events = ConditionEvents.Factory.create();
        AuditNames.CATALOGUED.check(topLevel, events);
        assertThat(events.getViolating().stream().flatMap(e -> e.getDescriptionLines().stream()))
                .hasSize(2)
                .anyMatch(line -> line.contains("action 'sync'"))
                .anyMatch(line -> line.contains("resource type 'school-secret'"));
        assertThat(fixture.getEnclosingClass()).isPresent();
    }

    @Test
    void aCatalogueNameIsNoViolation() {
        JavaClass self = new ClassFileImporter().importClass(AuditNames.class);
        ConditionEvents events = ConditionEvents.Factory.create();
        AuditNames.CATALOGUED.check(self, events);
        assertThat(events.getViolating()).isEmpty();
    }
}
