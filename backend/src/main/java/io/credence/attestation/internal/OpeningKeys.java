package io.credence.attestation.internal;

import io.credence.attestation.AttestationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Where the opening key comes from: {@code credence.attestation.opening-key}, or else the key file
 * (created with a random key on first use, readable by its owner only). Resolved lazily, so a
 * server that never issues never creates the file.
 */
final class OpeningKeys {

  private final AttestationProperties properties;
  private final SecureRandom random;
  private volatile OpeningVault vault;

  OpeningKeys(AttestationProperties properties, SecureRandom random) {
    this.properties = properties;
    this.random = random;
  }

  /**
   * @throws AttestationException {@code ISSUER_UNAVAILABLE} if neither a key nor a usable key file
   *     is configured
   */
  OpeningVault vault() {
    OpeningVault v = vault;
    if (v == null) {
      synchronized (this) {
        if (vault == null) {
          vault = OpeningVault.of(key(), random);
        }
        v = vault;
      }
    }
    return v;
  }

  private String key() {
    if (properties.openingKey() != null && !properties.openingKey().isBlank()) {
      return properties.openingKey();
    }
    if (properties.openingKeyFile() == null || properties.openingKeyFile().isBlank()) {
      throw unavailable();
    }
    Path file = Path.of(properties.openingKeyFile());
    try {
      if (!Files.exists(file)) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, HexFormat.of().formatHex(key), StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException raced) {
          // another thread or process created it first: use theirs
        }
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException | UnsupportedOperationException e) {
      throw unavailable();
    }
  }

  private static AttestationException unavailable() {
    return new AttestationException(
        AttestationException.Reason.ISSUER_UNAVAILABLE, "no opening encryption key configured");
  }

  @Override
  public String toString() {
    return "OpeningKeys[[secret]]";
  }
}
