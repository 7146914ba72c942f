// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class KeyRingTest {
  private final String master = KeyRing.newRandomKeyBase64();

  @Test
  void sealed_text_round_trips_and_does_not_contain_the_plaintext() {
    KeyRing ring = KeyRing.of(master, List.of());
    SecretKey dek = ring.newDataKey();
    byte[] plain = "I feel anxious about tomorrow".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = KeyRing.seal(dek, plain, KeyRing.aad("event", "c1", "1"));
    assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("anxious"));
    assertArrayEquals(plain, KeyRing.open(dek, sealed, KeyRing.aad("event", "c1", "1")));
    assertNotEquals(new String(sealed, StandardCharsets.ISO_8859_1),
        new String(KeyRing.seal(dek, plain, KeyRing.aad("event", "c1", "1")), StandardCharsets.ISO_8859_1), "random nonce");
  }

  @Test
  void a_ciphertext_moved_to_another_row_does_not_decrypt() {
    SecretKey dek = KeyRing.of(master, List.of()).newDataKey();
    byte[] sealed = KeyRing.seal(dek, new byte[] {1, 2, 3}, KeyRing.aad("event", "c1", "1"));
    assertThrows(CryptoException.class, () -> KeyRing.open(dek, sealed, KeyRing.aad("event", "c1", "2")));
    sealed[sealed.length - 1] ^= 1;
    assertThrows(CryptoException.class, () -> KeyRing.open(dek, sealed, KeyRing.aad("event", "c1", "1")));
  }

  @Test
  void data_keys_wrapped_by_an_old_master_key_unwrap_after_rotation() {
    KeyRing old = KeyRing.of(master, List.of());
    SecretKey dek = old.newDataKey();
    byte[] wrapped = old.wrap(dek, "row-1");
    String next = KeyRing.newRandomKeyBase64();
    KeyRing rotated = KeyRing.of(next, List.of(master));
    assertNotEquals(old.currentMasterKeyId(), rotated.currentMasterKeyId());
    assertArrayEquals(dek.getEncoded(), rotated.unwrap(old.currentMasterKeyId(), wrapped, "row-1").getEncoded());
    KeyRing forgot = KeyRing.of(next, List.of());
    assertThrows(CryptoException.class, () -> forgot.unwrap(old.currentMasterKeyId(), wrapped, "row-1"));
    assertEquals(old.currentMasterKeyId(), KeyRing.of(master, List.of()).currentMasterKeyId(), "ids are stable");
  }
}
