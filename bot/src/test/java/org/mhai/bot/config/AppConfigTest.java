// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppConfigTest {

  @Test
  void defaults_match_the_product_contract() {
    AppConfig c = AppConfig.from(Map.of());
    assertEquals(8080, c.http().port());
    assertTrue(c.database().isEmpty(), "unset → embedded PostgreSQL");
    assertTrue(c.redis().isEmpty(), "unset → in-process mode");
    assertTrue(c.dataDir().endsWith("data"));
    assertEquals("polling", c.telegram().mode());
    assertEquals("https://api.telegram.org", c.telegram().apiUrl().toString());
    assertFalse(c.telegram().enabled());
    assertTrue(c.apiToken().isEmpty());
  }

  @Test
  void a_bad_port_names_the_key_and_not_the_value() {
    ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_HTTP_PORT", "eighty")));
    assertTrue(e.getMessage().startsWith("MHAI_HTTP_PORT:"), e.getMessage());
    assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_HTTP_PORT", "70000")));
  }

  @Test
  void an_unknown_mhai_variable_is_a_typo_that_stops_start_up() {
    ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_DATABSE_URL", "x")));
    assertTrue(e.getMessage().startsWith("MHAI_DATABSE_URL:"));
  }

  @Test
  void the_data_key_must_be_256_bits_of_base64_and_is_never_echoed() {
    ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_DATA_KEY", "c2hvcnQ=")));
    assertTrue(e.getMessage().startsWith("MHAI_DATA_KEY:"));
    assertFalse(e.getMessage().contains("c2hvcnQ="));
    assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_DATA_KEY", "%%%")));
  }

  /** Issue #16: the bootstrap admin password "a" was accepted. */
  @Test
  void the_bootstrap_admin_password_needs_twelve_characters_and_is_never_echoed() {
    ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_ADMIN_PASSWORD", "a")));
    assertTrue(e.getMessage().startsWith("MHAI_ADMIN_PASSWORD:"), e.getMessage());
    ConfigException f = assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_ADMIN_PASSWORD", "hunter2hunt")));
    assertFalse(f.getMessage().contains("hunter2hunt"));
    assertTrue(AppConfig.from(Map.of("MHAI_ADMIN_PASSWORD", "a long passphrase")).adminPassword().isPresent());
  }

  /** Issue #16: the integration API token had no strength check (472 guesses/s). */
  @Test
  void the_api_token_needs_twenty_four_characters() {
    ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_API_TOKEN", "secret")));
    assertTrue(e.getMessage().startsWith("MHAI_API_TOKEN:"), e.getMessage());
    assertFalse(e.getMessage().contains("secret,") || e.getMessage().endsWith("secret"));
    assertTrue(AppConfig.from(Map.of("MHAI_API_TOKEN", "0123456789abcdef0123456789abcdef")).apiToken().isPresent());
  }

  @Test
  void database_urls_are_parsed_with_user_password_and_schema() {
    AppConfig c = AppConfig.from(Map.of("MHAI_DATABASE_URL", "postgresql://mhai:s3cret@db.internal:6543/clinic?currentSchema=mhai"));
    AppConfig.PgConfig pg = c.database().orElseThrow();
    assertEquals("db.internal", pg.host());
    assertEquals(6543, pg.port());
    assertEquals("clinic", pg.database());
    assertEquals("mhai", pg.user());
    assertEquals("s3cret", pg.password());
    assertEquals(Optional.of("mhai"), pg.schema());
    assertEquals("jdbc:postgresql://db.internal:6543/clinic", pg.jdbcUrl());
    assertEquals(5432, AppConfig.from(Map.of("MHAI_DATABASE_URL", "postgres://127.0.0.1/test")).database().orElseThrow().port());
  }

  @Test
  void bad_urls_and_modes_fail_with_the_key_named() {
    assertTrue(assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_DATABASE_URL", "mysql://x/y")))
        .getMessage().startsWith("MHAI_DATABASE_URL:"));
    assertTrue(assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_REDIS_URL", "localhost:6379")))
        .getMessage().startsWith("MHAI_REDIS_URL:"));
    assertTrue(assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_TELEGRAM_MODE", "push")))
        .getMessage().startsWith("MHAI_TELEGRAM_MODE:"));
    assertTrue(assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_TELEGRAM_API_URL", "not a url")))
        .getMessage().startsWith("MHAI_TELEGRAM_API_URL:"));
  }

  @Test
  void nlp_settings_and_flags_are_read_and_checked() {
    AppConfig c = AppConfig.from(Map.of("MHAI_NLP_BATCH_SIZE", "8", "MHAI_CORENLP_SENTIMENT", "on"));
    assertEquals(8, c.nlp().batchSize());
    assertTrue(c.nlp().coreNlpSentiment());
    assertFalse(AppConfig.from(Map.of()).nlp().coreNlpSentiment());
    assertTrue(assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_CORENLP_SENTIMENT", "maybe")))
        .getMessage().startsWith("MHAI_CORENLP_SENTIMENT:"));
    assertTrue(assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_NLP_BATCH_SIZE", "0")))
        .getMessage().startsWith("MHAI_NLP_BATCH_SIZE:"));
  }
}
