// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.rights;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable pseudonyms for the research export: a keyed HMAC-SHA256 of the id (so nobody without the
 * key can link a pseudonym back, or forward from a known id), and a per-patient date shift derived
 * from the same key, so that every export of the same data gives the same ids and dates.
 */
public final class Pseudonyms {
  /** Dates move by a whole number of days in [-MAX_SHIFT_DAYS, +MAX_SHIFT_DAYS]; the time of day stays. */
  public static final int MAX_SHIFT_DAYS = 180;

  private final SecretKeySpec key;

  public Pseudonyms(SecretKey key) {
    this.key = new SecretKeySpec(key.getEncoded(), "HmacSHA256");
  }

  /** "p_" + 32 hex characters (128 bits of the HMAC). */
  public String patient(UUID id) {
    return "p_" + HexFormat.of().formatHex(mac("patient:" + id), 0, 16);
  }

  /** "c_" + 32 hex characters: a conversation, not linkable to its id either. */
  public String conversation(UUID id) {
    return "c_" + HexFormat.of().formatHex(mac("conversation:" + id), 0, 16);
  }

  /** The patient's date offset in days, in [-180, 180]. */
  public int shiftDays(UUID patient) {
    long n = ByteBuffer.wrap(mac("date-shift:" + patient)).getLong() & Long.MAX_VALUE;
    return (int) (n % (2 * MAX_SHIFT_DAYS + 1)) - MAX_SHIFT_DAYS;
  }

  public Instant shift(UUID patient, Instant at) {
    return at.plus(Duration.ofDays(shiftDays(patient)));
  }

  private byte[] mac(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
