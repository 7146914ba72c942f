// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

import java.util.Objects;
import java.util.UUID;

/** A signed-in member of staff. */
public record StaffMember(UUID id, String username, String displayName, Role role) {
  /** The first word of the display name: how the bot and the patient's chat name a therapist. */
  public String firstName() {
    return firstName(displayName);
  }

  /** The first word of {@code displayName}. */
  public static String firstName(String displayName) {
    String s = displayName.strip();
    int space = s.indexOf(' ');
    return space > 0 ? s.substring(0, space) : s;
  }

  public StaffMember {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(role, "role");
  }
}
