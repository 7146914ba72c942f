// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published severity bands at every edge (Kroenke et al. 2001; Spitzer et al. 2006). */
class InstrumentBandsTest {
  @ParameterizedTest
  @CsvSource({"0,minimal", "4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate", "15,moderately_severe",
      "19,moderately_severe", "20,severe", "27,severe"})
  void phq9(int total, String band) {
    assertEquals(band, Instrument.PHQ9.band(total));
  }

  @ParameterizedTest
  @CsvSource({"0,minimal", "4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate", "15,severe", "21,severe"})
  void gad7(int total, String band) {
    assertEquals(band, Instrument.GAD7.band(total));
  }

  @ParameterizedTest
  @CsvSource({"PHQ9,-1", "PHQ9,28", "GAD7,22"})
  void totals_outside_the_scale_are_refused(Instrument i, int total) {
    assertThrows(IllegalArgumentException.class, () -> i.band(total));
  }
}
