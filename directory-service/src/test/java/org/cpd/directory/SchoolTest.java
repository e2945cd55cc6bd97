package org.cpd.directory;

import org.junit.jupiter.api.BeforeEach;

/** Tests that act in a school of their own (in a partnership of its own), with the school's lead. */
abstract class SchoolTest {

    Fixtures.School school;
    String lead;

    @BeforeEach
    void school() {
        school = Fixtures.school();
        lead = school.leadToken();
    }
}
