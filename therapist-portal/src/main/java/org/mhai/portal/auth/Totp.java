// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.auth;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): 30-second steps, 6 digits,
 * HMAC-SHA1 (what every authenticator app reads from an {@code otpauth://} URI), accepting the
 * previous and next step for clock drift. The caller remembers the last step used so a code
 * cannot be replayed.
 */
public final class Totp {
  public static final int DIGITS = 6;
  public static final long STEP_SECONDS = 30;
  /** Steps either side of now that still count (clock drift between phone and server). */
  public static final int WINDOW = 1;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {}

  /** A fresh 160-bit secret (RFC 4226's recommended length). */
  public static byte[] newSecret() {
    byte[] b = new byte[20];
    RANDOM.nextBytes(b);
    return b;
  }

  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code for {@code step}: {@code digits} decimal digits, with the given HMAC ("HmacSHA1", "HmacSHA256", "HmacSHA512"). */
  public static String code(byte[] secret, long step, int digits, String hmac) {
    try {
      Mac mac = Mac.getInstance(hmac);
      mac.init(new SecretKeySpec(secret, hmac));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = h[h.length - 1] & 0x0f;
      int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
          | (h[offset + 3] & 0xff);
      int mod = 1;
      for (int i = 0; i < digits; i++) {
        mod *= 10;
      }
      return String.format(Locale.ROOT, "%0" + digits + "d", binary % mod);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The step whose code {@code code} is, within {@link #WINDOW} steps of {@code now} and later
   * than {@code lastUsedStep}; empty when it matches none (wrong, too old, or replayed).
   */
  public static OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
    if (code == null) {
      return OptionalLong.empty();
    }
    String c = code.replace(" ", "").trim();
    if (c.length() != DIGITS || !c.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    long current = step(now);
    for (long s = current - WINDOW; s <= current + WINDOW; s++) {
      boolean same = MessageDigest.isEqual(code(secret, s, DIGITS, "HmacSHA1").getBytes(StandardCharsets.US_ASCII),
          c.getBytes(StandardCharsets.US_ASCII));
      if (same && s > lastUsedStep) {
        return OptionalLong.of(s);
      }
    }
    return OptionalLong.empty();
  }

  /** RFC 4648 base32 without padding, as authenticator apps expect the secret. */
  public static String base32(byte[] data) {
    StringBuilder sb = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return sb.toString();
  }

  /** The {@code otpauth://} URI an authenticator app accepts (typed in, or pasted; no QR code needed). */
  public static String uri(String issuer, String account, byte[] secret) {
    String label = enc(issuer) + ":" + enc(account);
    return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + enc(issuer)
        + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
