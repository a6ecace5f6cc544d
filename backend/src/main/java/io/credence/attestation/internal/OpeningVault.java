package io.credence.attestation.internal;

import io.credence.attestation.AttestationUid;
import io.credence.zk.Blinding;
import io.credence.zk.Opening;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals commitment openings at rest with AES-256-GCM: {@code nonce(12) ‖ ciphertext ‖ tag(16)}, the
 * attestation uid as associated data (a sealed opening copied to another row does not open).
 */
final class OpeningVault {

  private final SecretKeySpec key;
  private final SecureRandom random;

  private OpeningVault(byte[] key, SecureRandom random) {
    this.key = new SecretKeySpec(key, "AES");
    this.random = random;
  }

  /**
   * @throws IllegalArgumentException unless the key is 32 bytes as 64 hex digits or base64
   */
  static OpeningVault of(String configured, SecureRandom random) {
    String k = configured.strip();
    byte[] bytes;
    if (k.matches("(0x)?[0-9a-fA-F]{64}")) {
      bytes = HexFormat.of().parseHex(k.startsWith("0x") ? k.substring(2) : k);
    } else {
      try {
        bytes = Base64.getDecoder().decode(k);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("credence.attestation.opening-key is not hex or base64");
      }
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException("credence.attestation.opening-key must be 32 bytes");
    }
    return new OpeningVault(bytes, random);
  }

  byte[] seal(AttestationUid uid, Opening opening) {
    byte[] score = opening.value().toByteArray();
    byte[] blinding = opening.blinding().toBytes();
    ByteBuffer plain = ByteBuffer.allocate(2 + score.length + blinding.length);
    plain.putShort((short) score.length).put(score).put(blinding);
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(uid.bytes());
      byte[] sealed = cipher.doFinal(plain.array());
      return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal opening", e);
    }
  }

  Opening open(AttestationUid uid, byte[] sealed) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
      cipher.updateAAD(uid.bytes());
      ByteBuffer plain = ByteBuffer.wrap(cipher.doFinal(sealed, 12, sealed.length - 12));
      byte[] score = new byte[plain.getShort()];
      plain.get(score);
      byte[] blinding = new byte[plain.remaining()];
      plain.get(blinding);
      return Opening.of(new BigInteger(score), Blinding.fromBytes(blinding));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot open a sealed opening (wrong key or tampered)");
    }
  }

  @Override
  public String toString() {
    return "OpeningVault[key=[secret]]";
  }
}
