// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

import java.util.Locale;

/** What a staff member may do (product.md §1). Patients are not staff and have no role here. */
public enum Role {
  THERAPIST, ADMIN, RESEARCHER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
