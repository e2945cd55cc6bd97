package org.cpd.testsupport.contract;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks every REST Assured response of a module's tests against the module's committed OpenAPI
 * document (docs/openapi/&lt;module&gt;.yaml), so an undeclared status, a missing declared header or a
 * body the schema does not allow (an unexpected null) fails the test that got it. Quarkus' test
 * configuration turns on JUnit's extension autodetection, so listing this class in
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} of test-support registers it
 * for every test of every module; a module without a committed document is left alone.
 * <p>
 * A {@code @QuarkusTest} class may be loaded by Quarkus' own class loader, with its own copy of
 * REST Assured, so the filter is installed through the test class's loader.
 */
public class CommittedContract implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        Class<?> installer = Class.forName(ResponseValidation.class.getName(), true, loader);
        installer.getMethod("installForModule").invoke(null);
    }
}
