// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load limits (docs/configuration.md, docs/performance.md "Under overload"): defaults, overrides, bad values named. */
class LoadConfigTest {

  @Test
  void defaults() {
    assertEquals(new LoadConfig(32, 1024, 128), AppConfig.from(Map.of()).load());
  }

  @Test
  void each_variable_is_read() {
    assertEquals(new LoadConfig(8, 64, 3), AppConfig.from(Map.of("MHAI_RISK_BATCH_SIZE", "8", "MHAI_RISK_QUEUE", "64",
        "MHAI_CHAT_TURNS_IN_FLIGHT", "3")).load());
  }

  @Test
  void a_value_out_of_range_names_its_variable() {
    for (String key : LoadConfig.NAMES) {
      for (String bad : new String[] {"0", "1000001", "many"}) {
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.from(Map.of(key, bad)));
        assertTrue(e.getMessage().startsWith(key + ":"), e.getMessage());
      }
    }
    assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_RISK_BATCH_SIZE", "257")));
  }
}
