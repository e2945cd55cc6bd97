package org.cpd.commons;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shared base keeps the shape it asks of the services: no package cycles, persistence free of HTTP. */
@AnalyzeClasses(packages = "org.cpd.commons", importOptions = ImportOption.DoNotIncludeTests.class)
class CommonsArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.cpd.commons.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule persistenceSpeaksNoHttp = noClasses().that().resideInAPackage("org.cpd.commons.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "io.vertx.ext.web..");

    @ArchTest
    static final ArchRule theDomainBaseIsPure = noClasses().that().resideInAPackage("org.cpd.commons.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.cpd.commons.web..",
                    "jakarta.persistence..", "io.quarkus..");
}
