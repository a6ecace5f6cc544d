package io.credence.attestation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.attestation.AttestationUid;
import io.credence.zk.Opening;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class OpeningVaultTest {

  static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  final SecureRandom random = new SecureRandom();
  final AttestationUid uid = AttestationUid.of(new byte[32]);

  @Test
  void anOpeningSealedForAnAttestationOpensOnlyWithItsKeyAndUid() {
    OpeningVault vault = OpeningVault.of(KEY, random);
    Opening opening = Opening.random(712, random);
    byte[] sealed = vault.seal(uid, opening);

    Opening opened = vault.open(uid, sealed);
    assertThat(opened.value()).isEqualTo(opening.value());
    assertThat(opened.commit()).isEqualTo(opening.commit());
    assertThat(HexFormat.of().formatHex(sealed))
        .doesNotContain(HexFormat.of().formatHex(opening.blinding().toBytes()));

    byte[] other = new byte[32];
    other[0] = 1;
    assertThatThrownBy(() -> vault.open(AttestationUid.of(other), sealed))
        .isInstanceOf(IllegalStateException.class);
    byte[] tampered = sealed.clone();
    tampered[20] ^= 1;
    assertThatThrownBy(() -> vault.open(uid, tampered)).isInstanceOf(IllegalStateException.class);
    OpeningVault otherKey = OpeningVault.of("ff" + KEY.substring(2), random);
    assertThatThrownBy(() -> otherKey.open(uid, sealed)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void twoSealsOfOneOpeningDiffer() {
    OpeningVault vault = OpeningVault.of(KEY, random);
    Opening opening = Opening.random(600, random);
    assertThat(vault.seal(uid, opening)).isNotEqualTo(vault.seal(uid, opening));
  }

  @Test
  void aKeyOfTheWrongSizeOrFormIsRefusedAndNeverPrinted() {
    assertThatThrownBy(() -> OpeningVault.of("abcd", random))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("abcd");
    assertThatThrownBy(() -> OpeningVault.of("not base64 !", random))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(OpeningVault.of(KEY, random).toString()).doesNotContain(KEY.substring(0, 8));
    assertThat(new KeyProperties.Issuer(KEY).toString()).doesNotContain(KEY.substring(0, 8));
    assertThat(new KeyProperties.Relayer(KEY).toString()).doesNotContain(KEY.substring(0, 8));
    assertThat(new AttestationProperties(KEY, null, null).toString())
        .doesNotContain(KEY.substring(0, 8));
  }
}
