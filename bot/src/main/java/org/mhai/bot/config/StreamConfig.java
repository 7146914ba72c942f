// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Bounds on long-lived connections and how the on-call queue marks escalations from brand-new
 * sessions (issue #16; docs/configuration.md, "Live connections").
 *
 * @param socketsPerConversation WebSockets one web-chat conversation may hold open on one instance; more are
 *     closed at once with 4429
 * @param socketIdle a WebSocket that sends no frame for this long is closed (4410)
 * @param streamsPerSession Server-Sent-Event streams one staff session may hold open on one instance; more get 429
 * @param newSession an escalation raised this soon after its conversation began (or on the patient's first
 *     message) is marked {@code newSession} in the queue and grouped with others of the same minute
 */
public record StreamConfig(int socketsPerConversation, Duration socketIdle, int streamsPerSession, Duration newSession) {
  static final List<String> NAMES = List.of("MHAI_WS_PER_CONVERSATION", "MHAI_WS_IDLE_SECONDS",
      "MHAI_SSE_PER_SESSION", "MHAI_ESCALATION_NEW_SESSION_SECONDS");

  static StreamConfig from(Map<String, String> env) {
    AppConfig.Settings s = new AppConfig.Settings(env);
    return new StreamConfig(
        s.integer("MHAI_WS_PER_CONVERSATION", 5, 1, 100),
        Duration.ofSeconds(s.integer("MHAI_WS_IDLE_SECONDS", 1800, 2, 24 * 3600)),
        s.integer("MHAI_SSE_PER_SESSION", 8, 1, 100),
        Duration.ofSeconds(s.integer("MHAI_ESCALATION_NEW_SESSION_SECONDS", 120, 0, 24 * 3600)));
  }
}
