// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** MHAI_LLM_*: off by default, both URL and model or neither, a bounded timeout, the key never printed. */
class LlmConfigTest {

  @Test
  void off_by_default() {
    assertEquals(Optional.empty(), AppConfig.from(Map.of()).llm());
  }

  @Test
  void reads_the_endpoint_with_a_three_second_default_timeout() {
    LlmConfig c = AppConfig.from(Map.of("MHAI_LLM_BASE_URL", "https://llm.internal/v1/", "MHAI_LLM_MODEL", "m-1",
        "MHAI_LLM_API_KEY", "sk-very-secret")).llm().orElseThrow();
    assertEquals("https://llm.internal/v1", c.baseUrl().toString());
    assertEquals("m-1", c.model());
    assertEquals(Optional.of("sk-very-secret"), c.apiKey());
    assertEquals(Duration.ofMillis(3000), c.timeout());
    assertFalse(c.cleartextRemote());
    assertFalse(c.toString().contains("sk-very-secret"));
    assertEquals(Duration.ofMillis(1500), AppConfig.from(Map.of("MHAI_LLM_BASE_URL", "http://127.0.0.1:8000/v1",
        "MHAI_LLM_MODEL", "m", "MHAI_LLM_TIMEOUT_MS", "1500")).llm().orElseThrow().timeout());
    assertTrue(AppConfig.from(Map.of("MHAI_LLM_BASE_URL", "http://gpu-box:8000/v1", "MHAI_LLM_MODEL", "m"))
        .llm().orElseThrow().cleartextRemote());
  }

  @Test
  void a_half_configured_or_malformed_endpoint_stops_start_up_naming_the_key() {
    assertEquals("MHAI_LLM_MODEL", assertThrows(ConfigException.class,
        () -> AppConfig.from(Map.of("MHAI_LLM_BASE_URL", "http://127.0.0.1:8000/v1"))).getMessage().split(":")[0]);
    assertEquals("MHAI_LLM_BASE_URL", assertThrows(ConfigException.class,
        () -> AppConfig.from(Map.of("MHAI_LLM_MODEL", "m"))).getMessage().split(":")[0]);
    assertEquals("MHAI_LLM_BASE_URL", assertThrows(ConfigException.class,
        () -> AppConfig.from(Map.of("MHAI_LLM_API_KEY", "k"))).getMessage().split(":")[0]);
    assertEquals("MHAI_LLM_BASE_URL", assertThrows(ConfigException.class,
        () -> AppConfig.from(Map.of("MHAI_LLM_BASE_URL", "ftp://x/v1", "MHAI_LLM_MODEL", "m"))).getMessage().split(":")[0]);
    assertEquals("MHAI_LLM_TIMEOUT_MS", assertThrows(ConfigException.class, () -> AppConfig.from(Map.of(
        "MHAI_LLM_BASE_URL", "http://127.0.0.1/v1", "MHAI_LLM_MODEL", "m", "MHAI_LLM_TIMEOUT_MS", "99"))).getMessage().split(":")[0]);
  }
}
