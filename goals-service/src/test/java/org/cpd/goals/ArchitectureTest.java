package org.cpd.goals;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.cpd.testsupport.architecture.ServiceArchitecture;

/** The shared layout (docs/architecture.md) holds for goals-service. */
@AnalyzeClasses(packages = "org.cpd.goals", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests layout = ArchTests.in(ServiceArchitecture.class);
}
