// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Staff passwords: at least 12 characters and not on the bundled common list, bare or dressed up. */
class PasswordPolicyTest {

  @Test
  void short_and_common_passwords_are_refused() {
    for (String p : new String[] {"", "hunter2", "elevenchars", "password1234", "Password2024!", "PASSWORD12345",
        "qwertyuiop12", "123456789012", "987654321098", "abcdefghijkl", "aaaaaaaaaaaa", "abababababab",
        "!!iloveyou2024!!", "letmein123456", "MentalHealth2026", "1q2w3e4r5t6y",
        // from the top 10,000 of the bundled breach list, not the hand-written one
        "123qweasdzxc", "1qaz2wsx3edc", "Michelle2024!!", "Thunder2025!!", "!!klaster1987"}) {
      assertTrue(PasswordPolicy.problem(p).isPresent(), p);
    }
  }

  @Test
  void passphrases_are_accepted_and_the_reason_never_repeats_the_password() {
    for (String p : new String[] {"correct horse battery staple", "long enough passphrase", "rosa's long passphrase",
        "pw-vera-totp", "Tr0ub4dor&3xyz"}) {
      assertTrue(PasswordPolicy.problem(p).isEmpty(), p);
    }
    assertFalse(PasswordPolicy.problem("password1234").get().contains("password1234"));
  }
}
