// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.flow;

import java.util.Objects;

/**
 * One problem in a flow document, worded so an admin can fix it.
 *
 * @param node the id of the node at fault, or null for the document as a whole
 * @param path the JSON pointer of the field at fault ({@code ""} for the whole document), or null
 *     when the problem belongs to no one field (a loop, an unreachable node)
 */
public record FlowError(String node, String message, String path) {
  public FlowError {
    Objects.requireNonNull(message, "message");
  }

  public FlowError(String node, String message) {
    this(node, message, null);
  }
}
