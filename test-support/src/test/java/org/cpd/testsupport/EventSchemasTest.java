package org.cpd.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.directory.PractitionerData;
import org.cpd.contracts.goals.GoalSetData;
import org.cpd.contracts.goals.GoalStatusChangedData;
import org.cpd.contracts.goals.GoalsEvents;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    @Test
    void aPayloadAsTheServicesSerialiseItIsValid() {
        UUID id = UUID.randomUUID();
        EventSchemas.assertValid(DirectoryEvents.PRACTITIONER_REGISTERED, new PractitionerData(id, "100001", null,
                Set.of(UUID.randomUUID()), "TEACHER", true, Set.of(), Set.of()));
        EventSchemas.assertValid(GoalsEvents.GOAL_SET, new GoalSetData(id, UUID.randomUUID(), "SHARED", "DRAFT", "PRIVATE",
                List.of(), LocalDate.of(2027, 3, 31), null));
        EventSchemas.assertValid(GoalsEvents.GOAL_STATUS_CHANGED, new GoalStatusChangedData(id, UUID.randomUUID(), "DRAFT",
                "ACTIVE", null, Instant.now()));
    }

    @Test
    void missingFieldsWrongValuesAndUnknownTypesAreRefused() {
        assertThat(EventSchemas.problems(GoalsEvents.GOAL_SET, "{\"goalId\":\"" + UUID.randomUUID() + "\"}")).isNotEmpty();
        assertThatThrownBy(() -> EventSchemas.assertValid(DirectoryEvents.PRACTITIONER_REGISTERED, new PractitionerData(
                UUID.randomUUID(), "100001", null, Set.of(), "ASTRONAUT", true, Set.of(), Set.of())))
                .isInstanceOf(AssertionError.class).hasMessageContaining("careerStage");
        assertThat(EventSchemas.problems(GoalsEvents.GOAL_SET, "{not json")).singleElement().asString().startsWith("not JSON");
        assertThatThrownBy(() -> EventSchemas.assertValid("cpd.goals.nothing.v1", "{}")).hasMessageContaining("No schema");
    }

    @Test
    void examplesAreValidData() {
        List<String> examples = EventSchemas.examples(DirectoryEvents.CAPACITY_CHANGED);
        assertThat(examples).isNotEmpty();
        examples.forEach(json -> EventSchemas.assertValid(DirectoryEvents.CAPACITY_CHANGED, json));
    }
}
