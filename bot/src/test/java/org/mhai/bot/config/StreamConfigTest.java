// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connection limits of issue #16 (docs/configuration.md): defaults, overrides, and bad values named. */
class StreamConfigTest {

  @Test
  void defaults_are_those_documented() {
    StreamConfig c = AppConfig.from(Map.of()).streams();
    assertEquals(5, c.socketsPerConversation());
    assertEquals(Duration.ofMinutes(30), c.socketIdle());
    assertEquals(8, c.streamsPerSession());
    assertEquals(Duration.ofMinutes(2), c.newSession());
  }

  @Test
  void each_variable_is_read() {
    StreamConfig c = AppConfig.from(Map.of("MHAI_WS_PER_CONVERSATION", "2", "MHAI_WS_IDLE_SECONDS", "90",
        "MHAI_SSE_PER_SESSION", "3", "MHAI_ESCALATION_NEW_SESSION_SECONDS", "0")).streams();
    assertEquals(2, c.socketsPerConversation());
    assertEquals(Duration.ofSeconds(90), c.socketIdle());
    assertEquals(3, c.streamsPerSession());
    assertEquals(Duration.ZERO, c.newSession());
  }

  @Test
  void a_value_out_of_range_names_its_variable() {
    for (String key : new String[] {"MHAI_WS_PER_CONVERSATION", "MHAI_WS_IDLE_SECONDS", "MHAI_SSE_PER_SESSION"}) {
      ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.from(Map.of(key, "0")));
      assertTrue(e.getMessage().startsWith(key + ":"), e.getMessage());
    }
    ConfigException e = assertThrows(ConfigException.class,
        () -> AppConfig.from(Map.of("MHAI_ESCALATION_NEW_SESSION_SECONDS", "-1")));
    assertTrue(e.getMessage().startsWith("MHAI_ESCALATION_NEW_SESSION_SECONDS:"), e.getMessage());
  }
}
