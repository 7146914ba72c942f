// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rule for every staff password that is set (an admin creating an account or resetting one, and
 * {@code MHAI_ADMIN_PASSWORD}), after NIST SP 800-63B §5.1.1.2: at least 12 characters, at most 200, and not a
 * known-common password — neither itself nor once the digits and symbols around it are taken away
 * ({@code Password2024!}, {@code 123456789012}). The lists are bundled: a hand-written one ({@code common-passwords.txt},
 * the service's own words among them) and the {@value #TOP} most common passwords of the breach list that the
 * nbvcxz library ships ({@code dictionaries/passwords.txt}, MIT); nothing is fetched at run time.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 200;
  private static final Set<String> COMMON = load();

  private PasswordPolicy() {}

  /** Why {@code password} may not be used, or empty when it may. The reason never repeats the password. */
  public static Optional<String> problem(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of("the password needs at least " + MIN_LENGTH + " characters (a passphrase is best)");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("the password may have at most " + MAX_LENGTH + " characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    if (COMMON.contains(lower) || COMMON.contains(core) || lower.chars().distinct().count() <= 2
        || sequential(lower) || core.length() >= 4 && sequential(core)) {
      return Optional.of("that password is too common (it is on lists attackers try first); choose a passphrase "
          + "of a few unrelated words");
    }
    return Optional.empty();
  }

  /** Digits or letters counting up or down by one (123456789012, 987654321098, abcdefghijkl). */
  private static boolean sequential(String s) {
    int up = 0;
    int down = 0;
    for (int i = 1; i < s.length(); i++) {
      int d = s.charAt(i) - s.charAt(i - 1);
      up += d == 1 || d == -9 ? 1 : 0;
      down += d == -1 || d == 9 ? 1 : 0;
    }
    return up >= s.length() - 2 || down >= s.length() - 2;
  }

  /** How many of the most common passwords are refused, bare or dressed up. */
  static final int TOP = 10_000;

  private static Set<String> load() {
    Set<String> out = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-passwords.txt is missing from the portal's jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null;) {
        String t = line.trim().toLowerCase(Locale.ROOT);
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The 10,000 most common passwords of nbvcxz's bundled list (ranked by frequency in public breach corpora; MIT).
    try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream("dictionaries/passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("dictionaries/passwords.txt (nbvcxz) is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int n = 0;
      for (String line; n < TOP && (line = r.readLine()) != null; n++) {
        String t = line.trim().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
          out.add(t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }
}
