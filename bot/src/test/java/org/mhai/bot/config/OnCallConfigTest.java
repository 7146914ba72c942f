// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mhai.bot.config.OnCallConfig.StartTls;

class OnCallConfigTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  static final String PASSWORD = "smtp-pass-w0rd";

  private static Map<String, String> mail(String... more) {
    Map<String, String> env = new HashMap<>(Map.of("MHAI_SMTP_HOST", "smtp.clinic.example",
        "MHAI_SMTP_FROM", "alerts@clinic.example", "MHAI_ONCALL_EMAIL", "oncall@clinic.example"));
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  /** The variable a bad setting is blamed on. */
  private static String blamed(Map<String, String> env) {
    ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.from(env));
    assertFalse(e.getMessage().contains(PASSWORD) || e.getMessage().contains(SECRET), e.getMessage());
    return e.getMessage().split(":")[0];
  }

  @Test
  void nothing_set_means_log_and_telegram_only_with_a_ten_second_watchdog() {
    OnCallConfig c = AppConfig.from(Map.of()).onCall();
    assertEquals(Optional.empty(), c.smtp());
    assertEquals(List.of(), c.onCallEmails());
    assertEquals(Optional.empty(), c.webhook());
    assertEquals(Duration.ofSeconds(10), c.checkEvery());
  }

  @Test
  void e_mail_defaults_to_port_587_with_starttls_required() {
    OnCallConfig c = AppConfig.from(mail("MHAI_ONCALL_BACKUP_EMAIL", "lead@clinic.example, director@clinic.example")).onCall();
    assertEquals(587, c.smtp().orElseThrow().port());
    assertEquals(StartTls.REQUIRED, c.smtp().orElseThrow().startTls());
    assertEquals(List.of("oncall@clinic.example"), c.onCallEmails());
    assertEquals(List.of("lead@clinic.example", "director@clinic.example"), c.backupEmails());
  }

  @Test
  void every_e_mail_setting_is_read() {
    var smtp = AppConfig.from(mail("MHAI_SMTP_PORT", "2525", "MHAI_SMTP_STARTTLS", "Optional", "MHAI_SMTP_USERNAME", "mhai",
        "MHAI_SMTP_PASSWORD", PASSWORD, "MHAI_SMTP_FROM", "MentalHealthAI <alerts@clinic.example>")).onCall().smtp().orElseThrow();
    assertEquals(2525, smtp.port());
    assertEquals(StartTls.OPTIONAL, smtp.startTls());
    assertEquals(Optional.of("mhai"), smtp.username());
    assertEquals(Optional.of(PASSWORD), smtp.password());
    assertEquals("MentalHealthAI <alerts@clinic.example>", smtp.from());
    assertFalse(smtp.toString().contains(PASSWORD), smtp.toString());
    assertTrue(smtp.cleartextRemote(), "a password without required STARTTLS to another host is cleartext");
  }

  @Test
  void backup_contacts_alone_are_enough_for_e_mail() {
    OnCallConfig c = AppConfig.from(Map.of("MHAI_SMTP_HOST", "127.0.0.1", "MHAI_SMTP_FROM", "a@b.example",
        "MHAI_ONCALL_BACKUP_EMAIL", "lead@clinic.example")).onCall();
    assertTrue(c.smtp().isPresent());
    assertEquals(List.of(), c.onCallEmails());
  }

  @Test
  void recipients_without_a_mail_server_or_sender_stop_start_up() {
    assertEquals("MHAI_SMTP_HOST", blamed(Map.of("MHAI_ONCALL_EMAIL", "oncall@clinic.example")));
    assertEquals("MHAI_SMTP_HOST", blamed(Map.of("MHAI_ONCALL_BACKUP_EMAIL", "lead@clinic.example")));
    assertEquals("MHAI_SMTP_FROM", blamed(Map.of("MHAI_ONCALL_EMAIL", "oncall@clinic.example",
        "MHAI_SMTP_HOST", "smtp.clinic.example")));
  }

  @Test
  void a_mail_server_without_recipients_stops_start_up() {
    assertEquals("MHAI_ONCALL_EMAIL", blamed(Map.of("MHAI_SMTP_HOST", "smtp.clinic.example")));
    assertEquals("MHAI_ONCALL_EMAIL", blamed(Map.of("MHAI_SMTP_PASSWORD", PASSWORD)));
  }

  @Test
  void malformed_e_mail_settings_are_named() {
    assertEquals("MHAI_ONCALL_EMAIL", blamed(mail("MHAI_ONCALL_EMAIL", "oncall@clinic.example; lead")));
    assertEquals("MHAI_ONCALL_BACKUP_EMAIL", blamed(mail("MHAI_ONCALL_BACKUP_EMAIL", "the lead")));
    assertEquals("MHAI_SMTP_HOST", blamed(mail("MHAI_SMTP_HOST", "smtp://smtp.clinic.example:587")));
    assertEquals("MHAI_SMTP_PORT", blamed(mail("MHAI_SMTP_PORT", "0")));
    assertEquals("MHAI_SMTP_PORT", blamed(mail("MHAI_SMTP_PORT", "submission")));
    assertEquals("MHAI_SMTP_STARTTLS", blamed(mail("MHAI_SMTP_STARTTLS", "yes")));
    assertEquals("MHAI_SMTP_FROM", blamed(mail("MHAI_SMTP_FROM", "alerts")));
    assertEquals("MHAI_SMTP_PASSWORD", blamed(mail("MHAI_SMTP_USERNAME", "mhai")));
    assertEquals("MHAI_SMTP_USERNAME", blamed(mail("MHAI_SMTP_PASSWORD", PASSWORD)));
  }

  @Test
  void a_webhook_needs_an_http_url_and_a_long_secret() {
    var hook = AppConfig.from(Map.of("MHAI_ONCALL_WEBHOOK_URL", "https://pager.clinic.example/mhai",
        "MHAI_ONCALL_WEBHOOK_SECRET", SECRET)).onCall().webhook().orElseThrow();
    assertEquals(URI.create("https://pager.clinic.example/mhai"), hook.url());
    assertFalse(hook.toString().contains(SECRET), hook.toString());

    assertEquals("MHAI_ONCALL_WEBHOOK_SECRET", blamed(Map.of("MHAI_ONCALL_WEBHOOK_URL", "https://pager.clinic.example/mhai")));
    assertEquals("MHAI_ONCALL_WEBHOOK_SECRET", blamed(Map.of("MHAI_ONCALL_WEBHOOK_URL", "https://pager.clinic.example/mhai",
        "MHAI_ONCALL_WEBHOOK_SECRET", "too-short-a-secret")));
    assertEquals("MHAI_ONCALL_WEBHOOK_URL", blamed(Map.of("MHAI_ONCALL_WEBHOOK_SECRET", SECRET)));
    assertEquals("MHAI_ONCALL_WEBHOOK_URL", blamed(Map.of("MHAI_ONCALL_WEBHOOK_URL", "ftp://pager.clinic.example/",
        "MHAI_ONCALL_WEBHOOK_SECRET", SECRET)));
    assertEquals("MHAI_ONCALL_WEBHOOK_URL", blamed(Map.of("MHAI_ONCALL_WEBHOOK_URL", "pager.clinic.example/mhai",
        "MHAI_ONCALL_WEBHOOK_SECRET", SECRET)));
  }

  @Test
  void the_watchdog_period_is_between_one_second_and_five_minutes() {
    assertEquals(Duration.ofSeconds(1), AppConfig.from(Map.of("MHAI_ONCALL_CHECK_SECONDS", "1")).onCall().checkEvery());
    assertEquals("MHAI_ONCALL_CHECK_SECONDS", blamed(Map.of("MHAI_ONCALL_CHECK_SECONDS", "0")));
    assertEquals("MHAI_ONCALL_CHECK_SECONDS", blamed(Map.of("MHAI_ONCALL_CHECK_SECONDS", "301")));
  }

  @Test
  void a_telegram_backup_chat_needs_the_bot_token() {
    assertEquals("MHAI_TELEGRAM_BACKUP_CHAT_ID", blamed(Map.of("MHAI_TELEGRAM_BACKUP_CHAT_ID", "-1002")));
    assertEquals(Optional.of("-1002"), AppConfig.from(Map.of("MHAI_TELEGRAM_TOKEN", "123:abc",
        "MHAI_TELEGRAM_BACKUP_CHAT_ID", "-1002")).telegram().backupChatId());
  }

  @Test
  void every_new_variable_is_known() {
    for (String name : List.of("MHAI_SMTP_HOST", "MHAI_SMTP_PORT", "MHAI_SMTP_STARTTLS", "MHAI_SMTP_USERNAME",
        "MHAI_SMTP_PASSWORD", "MHAI_SMTP_FROM", "MHAI_ONCALL_EMAIL", "MHAI_ONCALL_BACKUP_EMAIL", "MHAI_ONCALL_WEBHOOK_URL",
        "MHAI_ONCALL_WEBHOOK_SECRET", "MHAI_ONCALL_CHECK_SECONDS", "MHAI_TELEGRAM_BACKUP_CHAT_ID")) {
      assertTrue(AppConfig.KNOWN.contains(name), name);
    }
  }
}
