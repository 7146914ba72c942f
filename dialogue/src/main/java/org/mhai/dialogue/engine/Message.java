// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.Locale;
import org.mhai.dialogue.Turn;

/**
 * A patient message as the policies read it.
 *
 * @param turn the message as it arrived
 * @param assessed the message as the crisis policy sees it ({@link OfferedAnswer#discount})
 * @param command the text trimmed and lower-cased, for commands ("stop", "/checkin")
 */
record Message(Turn.PatientMessage turn, Turn.PatientMessage assessed, String command) {
  Message(Turn.PatientMessage turn, Turn.PatientMessage assessed) {
    this(turn, assessed, turn.text().trim().toLowerCase(Locale.ROOT));
  }
}
