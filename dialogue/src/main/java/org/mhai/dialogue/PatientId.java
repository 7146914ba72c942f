// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a patient across channels. */
public record PatientId(UUID value) {
  public PatientId {
    Objects.requireNonNull(value, "value");
  }

  public static PatientId random() {
    return new PatientId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
