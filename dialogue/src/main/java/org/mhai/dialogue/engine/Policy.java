// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.engine;

import java.util.Optional;
import org.mhai.dialogue.Decision;

/**
 * One step of the engine's answer to a patient message. The engine asks its policies in a fixed
 * order (crisis first, always); the first one that takes the turn decides it, and none can skip one
 * before it. A policy that passes may still add to the run (a takeover that expired, a note of
 * concern) for the policies after it.
 */
interface Policy {
  /** The decision when this policy takes the turn; empty to pass it on. */
  Optional<Decision> decide(Run run, Message message);
}
