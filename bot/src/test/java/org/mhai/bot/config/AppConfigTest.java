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

  /** Issue #16: a twelve-character password from the top of every leaked list was accepted. */
  @Test
  void the_bootstrap_admin_password_may_not_be_a_common_one() {
    ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_ADMIN_PASSWORD", "Password2024!")));
    assertTrue(e.getMessage().startsWith("MHAI_ADMIN_PASSWORD:") && e.getMessage().contains("common"), e.getMessage());
    assertFalse(e.getMessage().contains("Password2024!"));
  }

  /** A malformed MHAI_TRUSTED_PROXIES entry stops start-up with the key and the entry named (issue #16). */
  @Test
  void trusted_proxies_are_ipv4_and_ipv6_addresses_or_blocks_checked_at_start_up() {
    assertTrue(AppConfig.from(Map.of()).http().trustedProxies().isEmpty(), "unset: X-Forwarded-For is never believed");
    TrustedProxies t = AppConfig.from(Map.of("MHAI_TRUSTED_PROXIES", " 10.0.0.0/8, 192.168.1.5 ,fd00::/8,2001:db8::1"))
        .http().trustedProxies();
    assertTrue(t.contains("10.200.3.4"));
    assertTrue(t.contains("192.168.1.5"));
    assertFalse(t.contains("192.168.1.6"));
    assertTrue(t.contains("fd12:3456::1"));
    assertTrue(t.contains("2001:db8:0:0::1"), "any spelling of the same IPv6 address");
    assertFalse(t.contains("2001:db8::2"));
    assertFalse(t.contains("11.0.0.1"));
    assertTrue(t.contains("::ffff:10.1.2.3"), "an IPv4-mapped IPv6 peer is its IPv4 address");
    for (String bad : new String[] {"proxy.internal", "10.0.0.0/33", "10.0.0.300", "fd00::/129", "10.0.0.0/x", ",", "1.2.3"}) {
      ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_TRUSTED_PROXIES", bad)), bad);
      assertTrue(e.getMessage().startsWith("MHAI_TRUSTED_PROXIES:"), e.getMessage());
    }
  }

  @Test
  void the_sign_in_gate_and_the_token_limit_have_safe_defaults_and_bounds() {
    AppConfig.ChatConfig c = AppConfig.from(Map.of()).chat();
    assertEquals(16, c.signInQueue());
    assertEquals(2, c.signInsInFlightPerAddress());
    assertEquals(10, c.apiTokenFailuresPerMinute());
    assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_SIGNIN_QUEUE", "0")));
    assertThrows(ConfigException.class, () -> AppConfig.from(Map.of("MHAI_API_TOKEN_FAILURES_PER_MINUTE", "lots")));
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
