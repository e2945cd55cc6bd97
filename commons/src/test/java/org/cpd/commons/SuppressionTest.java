package org.cpd.commons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cpd.commons.insight.InsightCount;
import org.cpd.commons.insight.Suppression;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    final Suppression five = new Suppression(5);

    @Test
    void smallNumbersAreWithheldAndZeroIsShown() {
        assertEquals(InsightCount.ZERO, five.count(0));
        for (int n = 1; n <= 4; n++) {
            InsightCount c = five.count(n);
            assertTrue(c.suppressed(), "count " + n);
            assertNull(c.value());
        }
        assertFalse(five.count(5).suppressed());
    }

    @Test
    void publishedCountsAreRoundedToMultiplesOfTheThreshold() {
        assertEquals(5L, five.count(5).value());
        assertEquals(5L, five.count(7).value());
        assertEquals(10L, five.count(8).value());
        assertEquals(10L, five.count(12).value());
        assertEquals(15L, five.count(13).value());
    }

    /** The differencing guarantee: no two published counts differ by a withheld small number. */
    @Test
    void noDifferenceOfTwoPublishedCountsIsASmallNumber() {
        for (int a = 0; a <= 200; a++) {
            for (int b = 0; b <= a; b++) {
                Long x = five.count(a).value();
                Long y = five.count(b).value();
                if (x != null && y != null) {
                    assertFalse(five.suppresses(x - y), a + " and " + b + " published as " + x + " and " + y);
                }
            }
        }
    }

    @Test
    void aMeasureOfASmallGroupIsWithheld() {
        assertNull(five.measure(3, 12.5));
        assertNull(five.measure(0, null));
        assertEquals(12.5, five.measure(6, 12.5));
    }

    @Test
    void thresholdOneWithholdsNothing() {
        Suppression none = new Suppression(1);
        assertEquals(3L, none.count(3).value());
        assertThrows(IllegalArgumentException.class, () -> new Suppression(0));
    }
}
