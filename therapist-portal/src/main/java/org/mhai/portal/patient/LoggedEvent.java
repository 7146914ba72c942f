// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.patient;

import java.util.Objects;
import org.mhai.dialogue.DialogueEvent;

/** An event of a conversation's log with its sequence number (decrypted: handle as patient content). */
public record LoggedEvent(long seq, DialogueEvent event) {
  public LoggedEvent {
    Objects.requireNonNull(event, "event");
  }
}
