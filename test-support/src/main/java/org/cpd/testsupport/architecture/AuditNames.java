package org.cpd.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cpd.commons.web.audit.AuditCatalogue;

/**
 * Reads the audit names a class writes from its source: the audit log's arguments are constants, which
 * the byte code ArchUnit sees does not tie to the call, so the literals are taken from the source file
 * beside the compiled class ({@code target/classes/a/B.class} → {@code src/main/java/a/B.java}, and the same for tests).
 */
final class AuditNames {

    private static final Pattern CALL = Pattern.compile("\\baudit\\s*\\.\\s*(?:entry|record)\\s*\\(\\s*\"([^\"]*)\"\\s*,\\s*\"([^\"]*)\"");

    static final ArchCondition<JavaClass> CATALOGUED = new ArchCondition<>("name only catalogued audit actions and types") {
        @Override
        public void check(JavaClass type, ConditionEvents events) {
            Optional<Path> source = sourceOf(type);
            if (source.isEmpty()) {
                return;
            }
            for (Call call : calls(read(source.get()))) {
                if (!AuditCatalogue.ACTIONS.contains(call.action())) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " audits action '"
                            + call.action() + "', which is not in AuditCatalogue.ACTIONS"));
                }
                if (!AuditCatalogue.RESOURCE_TYPES.contains(call.resourceType())) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " audits resource type '"
                            + call.resourceType() + "', which is not in AuditCatalogue.RESOURCE_TYPES"));
                }
            }
        }
    };

    record Call(String action, String resourceType) {
    }

    private AuditNames() {
    }

    static List<Call> calls(String source) {
        Matcher m = CALL.matcher(source);
        return m.results().map(r -> new Call(r.group(1), r.group(2))).toList();
    }

    private static Optional<Path> sourceOf(JavaClass type) {
        return type.getSource().flatMap(s -> {
            if (!"file".equals(s.getUri().getScheme())) {
                return Optional.empty(); // a class from a jar: another module checks its own sources
            }
            Path classFile = Path.of(s.getUri());
            Path root = classFile;
            for (int i = 0; i < type.getPackageName().split("\\.").length + 1 && root != null; i++) {
                root = root.getParent(); // up from the class file to target/classes
            }
            String sourceSet = root == null || root.getParent() == null || !root.getParent().endsWith("target") ? null
                    : switch (root.getFileName().toString()) {
                        case "classes" -> "main";
                        case "test-classes" -> "test";
                        default -> null;
                    };
            if (sourceSet == null) {
                return Optional.empty();
            }
            Path file = root.getParent().getParent().resolve(Path.of("src", sourceSet, "java"))
                    .resolve(type.getPackageName().replace('.', '/')).resolve(type.getSimpleName() + ".java");
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
