package org.cpd.testsupport.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cpd.testsupport.OpenApiDrift;

/** Installs the response validator for the committed document of the module under test, once per class loader. */
public final class ResponseValidation {

    private static boolean installed;

    private ResponseValidation() {
    }

    public static synchronized void installForModule() {
        if (installed) {
            return;
        }
        installed = true;
        Path module = Path.of("").toAbsolutePath();
        Path document = OpenApiDrift.repositoryRoot().resolve("docs/openapi/" + module.getFileName() + ".yaml");
        if (Files.exists(document)) {
            RestAssured.filters(filter(document));
        }
    }

    public static OpenApiValidationFilter filter(Path document) {
        return new OpenApiValidationFilter(validator(document));
    }

    /**
     * Only responses are judged: tests send bad requests on purpose, and calls outside the document
     * (/q/health, /q/openapi) have nothing to be checked against.
     */
    public static OpenApiInteractionValidator validator(Path document) {
        return OpenApiInteractionValidator.createForSpecificationUrl(document.toUri().toString())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response", ValidationReport.Level.ERROR)
                        .build())
                .build();
    }
}
