package org.cpd.commons.testapp;

import jakarta.inject.Singleton;

/** test-support's counter of the tokens that reach verification, as a bean of this test application. */
@Singleton
public class VerificationCounter extends org.cpd.testsupport.VerificationCounter {
}
