// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.config;

import java.util.List;
import java.util.Map;

/**
 * What bounds the work the service takes on under load (docs/performance.md, "Under overload";
 * docs/configuration.md). The emotion model's queue is {@link AppConfig.NlpConfig#queue()}.
 *
 * @param riskBatchSize most texts in one batch of the full risk detector ({@code MHAI_RISK_BATCH_SIZE})
 * @param riskQueue most texts waiting for or in the full risk detector ({@code MHAI_RISK_QUEUE}); beyond it a chat
 *     turn reads the lexicon's verdict alone at once and the analyze API answers 503
 * @param turnsInFlight most patient-message turns in progress at once ({@code MHAI_CHAT_TURNS_IN_FLIGHT}); beyond
 *     it a web chat message is refused with 503 and {@code Retry-After} before anything is stored, unless the lexicon
 *     reads it as a concern
 */
public record LoadConfig(int riskBatchSize, int riskQueue, int turnsInFlight) {
  static final List<String> NAMES = List.of("MHAI_RISK_BATCH_SIZE", "MHAI_RISK_QUEUE", "MHAI_CHAT_TURNS_IN_FLIGHT");

  public static final LoadConfig DEFAULT = new LoadConfig(32, 1024, 128);

  static LoadConfig from(Map<String, String> env) {
    AppConfig.Settings s = new AppConfig.Settings(env);
    return new LoadConfig(
        s.integer("MHAI_RISK_BATCH_SIZE", DEFAULT.riskBatchSize(), 1, 256),
        s.integer("MHAI_RISK_QUEUE", DEFAULT.riskQueue(), 1, 100_000),
        s.integer("MHAI_CHAT_TURNS_IN_FLIGHT", DEFAULT.turnsInFlight(), 1, 100_000));
  }
}
