package org.cpd.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Locale;
import java.util.Optional;

/** The conventions of docs/architecture.md for settings and entity mappings, as ArchUnit conditions. */
final class Settings {

    private static final String CONFIG_PROPERTY = "org.eclipse.microprofile.config.inject.ConfigProperty";
    private static final String COLUMN = "jakarta.persistence.Column";
    /** Per-kind retention periods are read by each rule; every other cpd.* key belongs to a mapping. */
    private static final String UNMAPPED_PREFIX = "cpd.retention.";

    private Settings() {
    }

    /** No {@code @ConfigProperty} on a field or parameter names a {@code cpd.*} key: those are typed mappings. */
    static final ArchCondition<JavaClass> TYPED = new ArchCondition<>("read cpd.* settings through a @ConfigMapping") {
        @Override
        public void check(JavaClass c, ConditionEvents events) {
            for (JavaField f : c.getFields()) {
                check(f.getFullName(), f.tryGetAnnotationOfType(CONFIG_PROPERTY), events, c);
            }
            for (JavaCodeUnit unit : c.getCodeUnits()) {
                for (JavaParameter p : unit.getParameters()) {
                    for (JavaAnnotation<JavaParameter> a : p.getAnnotations()) {
                        if (a.getRawType().getName().equals(CONFIG_PROPERTY)) {
                            check(unit.getFullName() + " parameter " + p.getIndex(), Optional.of(a), events, c);
                        }
                    }
                }
            }
        }

        private void check(String where, Optional<? extends JavaAnnotation<?>> annotation, ConditionEvents events, JavaClass c) {
            annotation.flatMap(a -> a.get("name")).map(String::valueOf)
                    .filter(name -> name.startsWith("cpd.") && !name.startsWith(UNMAPPED_PREFIX))
                    .ifPresent(name -> events.add(SimpleConditionEvent.violated(c,
                            where + " reads " + name + " with @ConfigProperty: declare it in the @ConfigMapping of its prefix")));
        }
    };

    /** No {@code @Column(name = ...)} repeats what the naming strategy derives from the field's name. */
    static final ArchCondition<JavaClass> COLUMNS_NAMED_ONLY_WHERE_THEY_DIFFER =
            new ArchCondition<>("name a column only where it differs from the field's name in snake case") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    for (JavaField f : c.getFields()) {
                        f.tryGetAnnotationOfType(COLUMN).flatMap(a -> a.get("name")).map(String::valueOf)
                                .filter(name -> name.equals(snakeCase(f.getName())))
                                .ifPresent(name -> events.add(SimpleConditionEvent.violated(c, f.getFullName()
                                        + " names its column " + name + ", which the naming strategy already gives it")));
                    }
                }
            };

    /** What Hibernate's CamelCaseToUnderscoresNamingStrategy makes of a Java name. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (i > 0 && i < name.length() - 1 && Character.isLowerCase(name.charAt(i - 1)) && Character.isUpperCase(ch)
                    && Character.isLowerCase(name.charAt(i + 1))) {
                out.append('_');
            }
            out.append(ch);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
