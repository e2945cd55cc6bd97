package org.cpd.directory.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AccountProvisioningLanesTest {

    @Test
    void everyDueAccountIsInExactlyOneLaneAndLanesKeepTheOldestFirst() {
        List<Integer> due = IntStream.range(0, 10).boxed().toList();
        List<List<Integer>> lanes = AccountProvisioning.lanes(due, 4);
        assertThat(lanes).hasSize(4);
        assertThat(lanes.stream().flatMap(List::stream).sorted().toList()).isEqualTo(due);
        assertThat(lanes.get(0)).containsExactly(0, 4, 8);
        assertThat(lanes.get(3)).containsExactly(3, 7);
    }

    @Test
    void fewAccountsGetNoEmptyLanesAndNoneGetNoLanes() {
        assertThat(AccountProvisioning.lanes(List.of("a", "b"), 4)).containsExactly(List.of("a"), List.of("b"));
        assertThat(AccountProvisioning.lanes(List.of("a", "b", "c"), 1)).containsExactly(List.of("a", "b", "c"));
        assertThat(AccountProvisioning.lanes(List.of(), 4)).isEmpty();
        assertThat(AccountProvisioning.lanes(List.of("a"), 0)).containsExactly(List.of("a"));
    }
}
