package org.cpd.testsupport.contract;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cpd.testsupport.OpenApiDrift;

/** Installs the response validator for the committed document of the module under test, once per class loader. */
public final class ResponseValidation {

    /** The validator's key for a request to a path the document does not have. */
    static final String PATH_MISSING = "validation.request.path.missing";

    private static final String GATEWAY = "gateway";
    private static final String NON_API = "/q/";

    private static boolean installed;

    private ResponseValidation() {
    }

    public static synchronized void installForModule() {
        if (installed) {
            return;
        }
        installed = true;
        String module = Path.of("").toAbsolutePath().getFileName().toString();
        Path document = OpenApiDrift.repositoryRoot().resolve("docs/openapi/" + module + ".yaml");
        if (Files.exists(document)) {
            RestAssured.filters(new ApiResponses(new OpenApiValidationFilter(validator(document, module.equals(GATEWAY)))));
        }
    }

    public static Filter filter(Path document) {
        return new ApiResponses(new OpenApiValidationFilter(validator(document, false)));
    }

    /**
     * Checks every response except those of the non-API endpoints under /q/ (health, metrics, the
     * served document), which no document describes.
     */
    private record ApiResponses(OpenApiValidationFilter validation) implements Filter {

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            if (request.getDerivedPath().startsWith(NON_API)) {
                return context.next(request, response);
            }
            return validation.filter(request, response, context);
        }
    }

    /**
     * Every response is judged, whatever the request: tests send bad requests on purpose, and the
     * problem the server answers must be declared too. Of the request only its path and method
     * count (an API call the document does not have cannot have its response checked, so it fails).
     * Exempt: when {@code relaysOtherPaths}, the paths the gateway relays (and, in {@link #filter}
     * and the installed filter, the non-API endpoints under /q/).
     */
    public static OpenApiInteractionValidator validator(Path document, boolean relaysOtherPaths) {
        ValidationErrorsWhitelist exemptions = ValidationErrorsWhitelist.create();
        if (relaysOtherPaths) {
            // The gateway's tests relay every other /api/v1 path to WireMock stubs answering the test's
            // fixtures; real services' answers are checked by their own suites against their documents.
            exemptions = exemptions.withRule("the gateway relays paths its own document does not have",
                    messageHasKey(PATH_MISSING));
        }
        return OpenApiInteractionValidator.createForInlineApiSpecification(AsOpenApi30.of(document))
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel(PATH_MISSING, ValidationReport.Level.ERROR)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.ERROR)
                        .withLevel("validation.response", ValidationReport.Level.ERROR)
                        .build())
                .withWhitelist(exemptions)
                .build();
    }
}
