package org.cpd.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.cpd.commons.web.Problem;
import org.cpd.testsupport.architecture.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shared layout rules (they apply to the layers the gateway has: config), plus the gateway's own:
 * one place writes problem bodies, so every problem the gateway answers has commons-web's shape and
 * carries the request id.
 */
@AnalyzeClasses(packages = "org.cpd.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests layout = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule onlyWebWritesProblemBodies = noClasses()
            .that().resideOutsideOfPackage("org.cpd.gateway.web..")
            .should().callMethod(Problem.class, "body", String.class, String.class)
            .orShould().callMethod(Problem.class, "toResponse", String.class, String.class)
            .as("Problem bodies are written by org.cpd.gateway.web only (ProblemReplies)");

    @ArchTest
    static final ArchRule noCyclesBetweenGatewayPackages = slices().matching("org.cpd.gateway.(*)..")
            .should().beFreeOfCycles()
            .as("No cycles between the gateway's packages");
}
