// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption for content at rest. A master key (from {@code MHAI_DATA_KEY}) wraps one
 * random data key per patient; patient content is sealed with that data key. Rotating the
 * master key means re-wrapping data keys (old master keys stay readable through
 * {@code MHAI_DATA_KEYS_PREVIOUS}); destroying a patient's wrapped data key crypto-shreds all of
 * their content at once.
 *
 * <p>Every sealed value is AES-256-GCM: {@code version(1) || nonce(12) || ciphertext || tag(16)},
 * with associated data binding it to where it is stored, so a ciphertext moved to another row
 * does not decrypt.
 */
public final class KeyRing {
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String currentId;
  private final Map<String, SecretKey> masters;

  private KeyRing(String currentId, Map<String, SecretKey> masters) {
    this.currentId = currentId;
    this.masters = masters;
  }

  /** @param current base64 256-bit key; @param previous older keys still needed to unwrap */
  public static KeyRing of(String current, List<String> previous) {
    Map<String, SecretKey> masters = new LinkedHashMap<>();
    SecretKey cur = aesKey(Base64.getDecoder().decode(current.trim()));
    String curId = idOf(cur);
    masters.put(curId, cur);
    for (String p : previous) {
      SecretKey k = aesKey(Base64.getDecoder().decode(p.trim()));
      masters.putIfAbsent(idOf(k), k);
    }
    return new KeyRing(curId, Map.copyOf(masters));
  }

  public static String newRandomKeyBase64() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  /** The id recorded beside everything the current master key wraps: "mk-" + 12 hex of SHA-256. */
  public String currentMasterKeyId() {
    return currentId;
  }

  public boolean knows(String masterKeyId) {
    return masters.containsKey(masterKeyId);
  }

  /**
   * A key for sealing messages between instances (the Redis event-bus relay), derived from the
   * current master key, so every instance configured with the same key can open them.
   */
  public SecretKey busKey() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("mhai-bus-key-v1".getBytes(StandardCharsets.UTF_8));
      sha.update(masters.get(currentId).getEncoded());
      return aesKey(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A service key for {@code purpose} (e.g. "telegram-update"), derived from the current master
   * key like {@link #busKey()}: for data that belongs to no patient yet and lives briefly.
   */
  public SecretKey derivedKey(String purpose) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(("mhai-" + purpose + "-key-v1").getBytes(StandardCharsets.UTF_8));
      sha.update(masters.get(currentId).getEncoded());
      return aesKey(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh random data key for one patient. */
  public SecretKey newDataKey() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return aesKey(raw);
  }

  /** The data key sealed under the current master key, bound to {@code keyRowId}. */
  public byte[] wrap(SecretKey dataKey, String keyRowId) {
    return seal(masters.get(currentId), dataKey.getEncoded(), aad("dek", keyRowId));
  }

  public SecretKey unwrap(String masterKeyId, byte[] wrapped, String keyRowId) {
    SecretKey master = masters.get(masterKeyId);
    if (master == null) {
      throw new CryptoException("master key " + masterKeyId + " is not configured (MHAI_DATA_KEYS_PREVIOUS?)");
    }
    return aesKey(open(master, wrapped, aad("dek", keyRowId)));
  }

  /**
   * Seals a small service secret (a staff TOTP secret) directly under the current master key;
   * store {@link #currentMasterKeyId()} beside it so it still opens after a key rotation.
   */
  public byte[] sealUnderMaster(byte[] plaintext, byte[] context) {
    return seal(masters.get(currentId), plaintext, context);
  }

  public byte[] openUnderMaster(String masterKeyId, byte[] sealed, byte[] context) {
    SecretKey master = masters.get(masterKeyId);
    if (master == null) {
      throw new CryptoException("master key " + masterKeyId + " is not configured (MHAI_DATA_KEYS_PREVIOUS?)");
    }
    return open(master, sealed, context);
  }

  /** Seals {@code plaintext} with a data key; {@code context} names where it will be stored. */
  public static byte[] seal(SecretKey key, byte[] plaintext, byte[] context) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(context);
      byte[] ct = c.doFinal(plaintext);
      return ByteBuffer.allocate(1 + NONCE_BYTES + ct.length).put(VERSION).put(nonce).put(ct).array();
    } catch (GeneralSecurityException e) {
      throw new CryptoException("encryption failed", e);
    }
  }

  public static byte[] open(SecretKey key, byte[] sealed, byte[] context) {
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
      throw new CryptoException("not a sealed value of version " + VERSION);
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      c.updateAAD(context);
      return c.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("decryption failed (wrong key or tampered data)", e);
    }
  }

  /** Associated data: a purpose and the coordinates of the row, joined unambiguously. */
  public static byte[] aad(String purpose, String... coordinates) {
    StringBuilder sb = new StringBuilder(purpose);
    for (String c : coordinates) {
      sb.append('\u0000').append(c);
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static SecretKey aesKey(byte[] raw) {
    if (raw.length != 32) {
      throw new CryptoException("an AES-256 key has 32 bytes, got " + raw.length);
    }
    return new SecretKeySpec(raw, "AES");
  }

  private static String idOf(SecretKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return "mk-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
