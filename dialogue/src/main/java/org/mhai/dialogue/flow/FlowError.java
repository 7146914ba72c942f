// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.flow;

import java.util.Objects;

/**
 * One problem in a flow document, worded so an admin can fix it.
 *
 * @param node the id of the node at fault, or null for the document as a whole
 */
public record FlowError(String node, String message) {
  public FlowError {
    Objects.requireNonNull(message, "message");
  }
}
