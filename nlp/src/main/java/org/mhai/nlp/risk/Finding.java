// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.nlp.risk;

import org.mhai.nlp.RiskLevel;

/**
 * A risk signal that survived the context rules, with the level it contributes and the match
 * that carries it (its evidence).
 */
record Finding(String signal, RiskLevel level, Match match) {

  boolean is(String name) {
    return signal.equals(name);
  }
}
