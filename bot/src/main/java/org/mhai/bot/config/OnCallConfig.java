// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where on-call alerts go besides the log and Telegram (docs/configuration.md, "On-call alerts"): e-mail
 * over SMTP to the on-call contacts and, for an escalation nobody acknowledged in time, to the backup
 * contacts too; a signed webhook; and how often the overdue watchdog looks. A half-configured channel
 * stops start-up with the variable named.
 *
 * @param smtp the mail server, present exactly when some recipient is set
 * @param onCallEmails who gets every alert ({@code MHAI_ONCALL_EMAIL})
 * @param backupEmails who also gets the overdue alerts ({@code MHAI_ONCALL_BACKUP_EMAIL})
 * @param webhook the signed webhook, when {@code MHAI_ONCALL_WEBHOOK_URL} is set
 * @param checkEvery how often the watchdog looks for escalations past their deadline
 */
public record OnCallConfig(Optional<Smtp> smtp, List<String> onCallEmails, List<String> backupEmails,
    Optional<Webhook> webhook, Duration checkEvery) {
  public static final int DEFAULT_SMTP_PORT = 587;
  public static final int DEFAULT_CHECK_SECONDS = 10;
  public static final int MIN_WEBHOOK_SECRET = 24;
  static final List<String> NAMES = List.of("MHAI_SMTP_HOST", "MHAI_SMTP_PORT", "MHAI_SMTP_STARTTLS",
      "MHAI_SMTP_USERNAME", "MHAI_SMTP_PASSWORD", "MHAI_SMTP_FROM", "MHAI_ONCALL_EMAIL", "MHAI_ONCALL_BACKUP_EMAIL",
      "MHAI_ONCALL_WEBHOOK_URL", "MHAI_ONCALL_WEBHOOK_SECRET", "MHAI_ONCALL_CHECK_SECONDS");

  /** An address: something@somewhere, no spaces, commas or angle brackets. */
  private static final String ADDRESS = "[^@\\s,<>\"]+@[^@\\s,<>\"]+";

  public OnCallConfig {
    onCallEmails = List.copyOf(onCallEmails);
    backupEmails = List.copyOf(backupEmails);
  }

  /** What {@code MHAI_SMTP_STARTTLS} allows: upgrade the connection to TLS always, when offered, or never. */
  public enum StartTls { REQUIRED, OPTIONAL, DISABLED }

  /** @param password a secret: never logged, never in {@link #toString()} */
  public record Smtp(String host, int port, StartTls startTls, Optional<String> username, Optional<String> password,
      String from) {
    /** True when a password would cross the network unencrypted to a host other than this one. */
    public boolean cleartextRemote() {
      return startTls != StartTls.REQUIRED && username.isPresent() && !loopback(host);
    }

    @Override
    public String toString() {
      return "Smtp[host=" + host + ", port=" + port + ", startTls=" + startTls + ", username="
          + (username.isPresent() ? "(set)" : "(none)") + ", password=" + (password.isPresent() ? "(set)" : "(none)")
          + ", from=" + from + "]";
    }
  }

  /** @param secret the HMAC key: never logged, never in {@link #toString()} */
  public record Webhook(URI url, String secret) {
    @Override
    public String toString() {
      return "Webhook[url=" + url.getScheme() + "://" + url.getHost() + "/…, secret=(set)]";
    }
  }

  static OnCallConfig from(Map<String, String> env) {
    List<String> onCall = addresses(env, "MHAI_ONCALL_EMAIL");
    List<String> backup = addresses(env, "MHAI_ONCALL_BACKUP_EMAIL");
    return new OnCallConfig(smtp(env, !onCall.isEmpty() || !backup.isEmpty()), onCall, backup, webhook(env),
        Duration.ofSeconds(integer(env, "MHAI_ONCALL_CHECK_SECONDS", DEFAULT_CHECK_SECONDS, 1, 300)));
  }

  private static Optional<Smtp> smtp(Map<String, String> env, boolean anyRecipient) {
    Optional<String> host = text(env, "MHAI_SMTP_HOST");
    if (!anyRecipient) {
      Optional<String> stray = Stream.of("MHAI_SMTP_HOST", "MHAI_SMTP_PORT", "MHAI_SMTP_STARTTLS", "MHAI_SMTP_USERNAME",
          "MHAI_SMTP_PASSWORD", "MHAI_SMTP_FROM").filter(k -> text(env, k).isPresent()).findFirst();
      if (stray.isPresent()) {
        throw new ConfigException("MHAI_ONCALL_EMAIL", "required when " + stray.get()
            + " is set (whom to e-mail; or MHAI_ONCALL_BACKUP_EMAIL)");
      }
      return Optional.empty();
    }
    String recipients = "MHAI_ONCALL_EMAIL or MHAI_ONCALL_BACKUP_EMAIL";
    if (host.isEmpty()) {
      throw new ConfigException("MHAI_SMTP_HOST", "required when " + recipients + " is set");
    }
    if (!host.get().matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\]")) {
      throw new ConfigException("MHAI_SMTP_HOST", "must be a host name or address such as smtp.example.org "
          + "(no scheme, no port: the port is MHAI_SMTP_PORT)");
    }
    Optional<String> from = text(env, "MHAI_SMTP_FROM");
    if (from.isEmpty()) {
      throw new ConfigException("MHAI_SMTP_FROM", "required when " + recipients + " is set");
    }
    if (!from.get().matches(ADDRESS) && !from.get().matches("[^<>]*<" + ADDRESS + ">")) {
      throw new ConfigException("MHAI_SMTP_FROM", "must be an e-mail address such as alerts@clinic.example "
          + "or \"MentalHealthAI <alerts@clinic.example>\"");
    }
    StartTls startTls;
    try {
      startTls = StartTls.valueOf(text(env, "MHAI_SMTP_STARTTLS").orElse("required").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("MHAI_SMTP_STARTTLS", "must be required, optional or disabled");
    }
    Optional<String> username = text(env, "MHAI_SMTP_USERNAME");
    Optional<String> password = Optional.ofNullable(env.get("MHAI_SMTP_PASSWORD")).filter(p -> !p.isEmpty());
    if (username.isPresent() && password.isEmpty()) {
      throw new ConfigException("MHAI_SMTP_PASSWORD", "required when MHAI_SMTP_USERNAME is set");
    }
    if (password.isPresent() && username.isEmpty()) {
      throw new ConfigException("MHAI_SMTP_USERNAME", "required when MHAI_SMTP_PASSWORD is set");
    }
    return Optional.of(new Smtp(host.get(), integer(env, "MHAI_SMTP_PORT", DEFAULT_SMTP_PORT, 1, 65535), startTls,
        username, password, from.get()));
  }

  private static Optional<Webhook> webhook(Map<String, String> env) {
    Optional<String> url = text(env, "MHAI_ONCALL_WEBHOOK_URL");
    Optional<String> secret = Optional.ofNullable(env.get("MHAI_ONCALL_WEBHOOK_SECRET")).filter(s -> !s.isEmpty());
    if (url.isEmpty()) {
      if (secret.isPresent()) {
        throw new ConfigException("MHAI_ONCALL_WEBHOOK_URL", "required when MHAI_ONCALL_WEBHOOK_SECRET is set");
      }
      return Optional.empty();
    }
    URI uri;
    try {
      uri = URI.create(url.get());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("MHAI_ONCALL_WEBHOOK_URL", "must be an absolute http(s) URL");
    }
    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new ConfigException("MHAI_ONCALL_WEBHOOK_URL", "must be an absolute http(s) URL");
    }
    if (secret.isEmpty()) {
      throw new ConfigException("MHAI_ONCALL_WEBHOOK_SECRET", "required when MHAI_ONCALL_WEBHOOK_URL is set "
          + "(generate one with: openssl rand -hex 32)");
    }
    if (secret.get().length() < MIN_WEBHOOK_SECRET) {
      throw new ConfigException("MHAI_ONCALL_WEBHOOK_SECRET", "must be at least " + MIN_WEBHOOK_SECRET
          + " characters (generate one with: openssl rand -hex 32)");
    }
    return Optional.of(new Webhook(uri, secret.get()));
  }

  /** A comma-separated list of addresses; empty when unset. */
  private static List<String> addresses(Map<String, String> env, String key) {
    Optional<String> v = text(env, key);
    if (v.isEmpty()) {
      return List.of();
    }
    List<String> list = Stream.of(v.get().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String a : list) {
      if (!a.matches(ADDRESS)) {
        throw new ConfigException(key, "must be comma-separated e-mail addresses such as oncall@clinic.example");
      }
    }
    return list;
  }

  static boolean loopback(String host) {
    return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1");
  }

  private static int integer(Map<String, String> env, String key, int dflt, int min, int max) {
    return new AppConfig.Settings(env).integer(key, dflt, min, max);
  }

  private static Optional<String> text(Map<String, String> env, String key) {
    return new AppConfig.Settings(env).text(key);
  }
}
