// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a patient consents to: the service's processing (the privacy notice) or de-identified research
 * use. A closed set: a stored {@code consent_recorded} row whose kind is neither fails loudly at decode
 * ({@link #fromWire}) instead of being read as research consent.
 */
public enum Consent {
  SERVICE, RESEARCH;

  /** The lower-case wire name stored in events and exports: {@code service} or {@code research}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The consent with this wire name; anything else is an {@link IllegalArgumentException}. */
  public static Consent fromWire(String wire) {
    return Arrays.stream(values()).filter(c -> c.wireName().equals(wire)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown consent kind " + wire));
  }

  /**
   * The consent a flow question records ({@code Node.Question#record()}): {@code consent_service} or
   * {@code consent_research}; empty for anything else (the flow validator allows only those two).
   */
  public static Optional<Consent> ofRecord(String record) {
    return Arrays.stream(values()).filter(c -> ("consent_" + c.wireName()).equals(record)).findFirst();
  }
}
