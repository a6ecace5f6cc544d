package io.credence.attestation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.attestation.AttestationException;
import io.credence.attestation.AttestationUid;
import io.credence.zk.Opening;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpeningKeysTest {

  final SecureRandom random = new SecureRandom();
  final AttestationUid uid = AttestationUid.of(new byte[32]);

  @Test
  void withoutAConfiguredKeyAKeyFileIsCreatedOnceOwnerOnlyAndReusedAfterARestart(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("data").resolve("opening.key");
    AttestationProperties properties = new AttestationProperties(null, file.toString(), null);
    assertThat(file).doesNotExist();

    byte[] sealed =
        new OpeningKeys(properties, random).vault().seal(uid, Opening.random(650, random));
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    Opening reopened = new OpeningKeys(properties, random).vault().open(uid, sealed);
    assertThat(reopened.value().intValue()).isEqualTo(650);
  }

  @Test
  void aConfiguredKeyWinsOverTheFileAndNoFileIsWritten(@TempDir Path dir) {
    Path file = dir.resolve("opening.key");
    new OpeningKeys(new AttestationProperties(OpeningVaultTest.KEY, file.toString(), null), random)
        .vault();
    assertThat(file).doesNotExist();
  }

  @Test
  void withNeitherIssuingIsUnavailable() {
    assertThatThrownBy(
            () -> new OpeningKeys(new AttestationProperties(null, null, null), random).vault())
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining("no opening encryption key");
  }
}
