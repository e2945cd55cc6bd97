package org.cpd.directory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.cpd.testsupport.architecture.ServiceArchitecture;

/** The shared service layout (docs/architecture.md), checked on this service's classes. */
@AnalyzeClasses(packages = "org.cpd.directory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests layout = ArchTests.in(ServiceArchitecture.class);
}
