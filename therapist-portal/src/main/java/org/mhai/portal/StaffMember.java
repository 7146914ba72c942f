// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal;

import java.util.Objects;
import java.util.UUID;

/** A signed-in member of staff. */
public record StaffMember(UUID id, String username, String displayName, Role role) {
  public StaffMember {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(role, "role");
  }
}
