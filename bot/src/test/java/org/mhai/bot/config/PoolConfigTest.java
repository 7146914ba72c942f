// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker pools' sizes (docs/configuration.md, MHAI_POOL_*): defaults, overrides, and bad values named. */
class PoolConfigTest {

  @Test
  void defaults_are_the_sizes_the_service_always_used() {
    assertEquals(new PoolConfig(2, 2, 2, 2, 1, 8, 2), AppConfig.from(Map.of()).pools());
  }

  @Test
  void each_variable_is_read() {
    PoolConfig c = AppConfig.from(Map.of("MHAI_POOL_RISK", "3", "MHAI_POOL_RECOMMEND", "4", "MHAI_POOL_AUTH", "5",
        "MHAI_POOL_PII", "6", "MHAI_POOL_RESEARCH_EXPORT", "2", "MHAI_POOL_REDIS", "16", "MHAI_POOL_TELEGRAM", "1"))
        .pools();
    assertEquals(new PoolConfig(3, 4, 5, 6, 2, 16, 1), c);
  }

  @Test
  void a_pool_of_no_threads_names_its_variable() {
    for (String key : PoolConfig.NAMES) {
      ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.from(Map.of(key, "0")));
      assertTrue(e.getMessage().startsWith(key + ":"), e.getMessage());
    }
  }
}
