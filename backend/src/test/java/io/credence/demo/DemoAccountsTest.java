package io.credence.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/** The demo's keys are exactly the public test mnemonic's, so none is a secret of this repo. */
class DemoAccountsTest {

  private static final String TEST_MNEMONIC =
      "test test test test test test test test test test test junk";

  @Test
  void everyKeyIsTheTestMnemonicsAccountOfItsIndex() {
    Bip32ECKeyPair master =
        Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(TEST_MNEMONIC, ""));
    assertThat(DemoAccounts.KEYS).hasSize(12);
    for (int i = 0; i < DemoAccounts.KEYS.size(); i++) {
      int h = Bip32ECKeyPair.HARDENED_BIT;
      Bip32ECKeyPair derived =
          Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | h, 60 | h, h, 0, i});
      assertThat(DemoAccounts.credentials(i).getAddress())
          .as("account %d", i)
          .isEqualTo(Credentials.create(derived).getAddress());
    }
  }

  @Test
  void theAuditAccountsAreTheirOwn() {
    // Anchoring never shares a nonce with the relayer/deployer or the issuer, and the audit key
    // is not a sender at all.
    assertThat(DemoAccounts.AUDIT_ANCHOR_SENDER)
        .isNotIn(DemoAccounts.ADMIN, DemoAccounts.ISSUER, DemoAccounts.AUDIT_SIGNER);
    assertThat(DemoAccounts.address(DemoAccounts.AUDIT_ANCHOR_SENDER))
        .isEqualTo("0xBcd4042DE499D14e55001CcbB24a551F3b954096");
    assertThat(DemoAccounts.address(DemoAccounts.AUDIT_SIGNER))
        .isEqualTo("0x71bE63f3384f5fb98995898A86B02Fb2426c5788");
    assertThatThrownBy(() -> DemoAccounts.credentials(12))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
