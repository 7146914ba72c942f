// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B test vectors, the ±1 step window, replay refusal, and the base32/otpauth encoding. */
class TotpTest {
  private static final byte[] SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512 =
      "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

  @Test
  void matches_every_rfc_6238_test_vector() {
    long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
    String[] sha1 = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
    String[] sha256 = {"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"};
    String[] sha512 = {"90693936", "25091201", "99943326", "93441116", "38618901", "47863826"};
    for (int i = 0; i < times.length; i++) {
      long step = Totp.step(Instant.ofEpochSecond(times[i]));
      assertEquals(sha1[i], Totp.code(SHA1, step, 8, "HmacSHA1"), "SHA1 T=" + times[i]);
      assertEquals(sha256[i], Totp.code(SHA256, step, 8, "HmacSHA256"), "SHA256 T=" + times[i]);
      assertEquals(sha512[i], Totp.code(SHA512, step, 8, "HmacSHA512"), "SHA512 T=" + times[i]);
      // Six digits are the last six of the eight.
      assertEquals(sha1[i].substring(2), Totp.code(SHA1, step, 6, "HmacSHA1"));
    }
  }

  @Test
  void accepts_one_step_either_side_and_nothing_further() {
    Instant now = Instant.ofEpochSecond(1111111109L);
    long step = Totp.step(now);
    for (long d = -1; d <= 1; d++) {
      String code = Totp.code(SHA1, step + d, 6, "HmacSHA1");
      assertEquals(OptionalLong.of(step + d), Totp.verify(SHA1, code, now, 0), "drift " + d);
    }
    assertTrue(Totp.verify(SHA1, Totp.code(SHA1, step - 2, 6, "HmacSHA1"), now, 0).isEmpty(), "two steps old");
    assertTrue(Totp.verify(SHA1, Totp.code(SHA1, step + 2, 6, "HmacSHA1"), now, 0).isEmpty(), "two steps ahead");
    assertTrue(Totp.verify(SHA1, "12345", now, 0).isEmpty());
    assertTrue(Totp.verify(SHA1, "abcdef", now, 0).isEmpty());
    assertTrue(Totp.verify(SHA1, null, now, 0).isEmpty());
  }

  @Test
  void a_code_cannot_be_used_twice() {
    Instant now = Instant.ofEpochSecond(2000000000L);
    String code = Totp.code(SHA1, Totp.step(now), 6, "HmacSHA1");
    OptionalLong first = Totp.verify(SHA1, code, now, 0);
    assertTrue(first.isPresent());
    assertTrue(Totp.verify(SHA1, code, now, first.getAsLong()).isEmpty());
  }

  @Test
  void encodes_the_secret_as_rfc_4648_base32_in_an_otpauth_uri() {
    assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(SHA1));
    assertEquals("MZXW6YQ", Totp.base32("foob".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("otpauth://totp/MentalHealthAI:ana%20lima?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=MentalHealthAI"
        + "&algorithm=SHA1&digits=6&period=30", Totp.uri("MentalHealthAI", "ana lima", SHA1));
    assertEquals(20, Totp.newSecret().length);
  }
}
