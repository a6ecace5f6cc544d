package io.credence.demo;

import java.util.List;
import org.web3j.crypto.Credentials;

/**
 * LOCAL-DEMO KEYS ONLY: accounts 0–11 of Anvil's public test mnemonic ("test test test test test
 * test test test test test test junk", derivation path {@code m/44'/60'/0'/0/<index>}), known to
 * everyone. Accounts 0–9 are funded on every local chain; the demo funds account {@value
 * #AUDIT_ANCHOR_SENDER} itself. Never use them on a real chain.
 *
 * <p>Roles in the demo: account {@value #ADMIN} deploys every contract, administers the registry,
 * liquidates and relays (pays gas); accounts 1–6 are borrowers with seeded histories
 * (docs/demo.md); account {@value #ISSUER} is the attestation issuer; account {@value #LENDER} the
 * demo lender; account {@value #COMPLIANCE} the demo compliance officer; account {@value
 * #AUDIT_ANCHOR_SENDER} pays for the audit checkpoints anchored on chain 31337 (a sender of its
 * own, so anchoring never takes a nonce the relayer or the issuer expects); account {@value
 * #AUDIT_SIGNER} is the demo's audit key, which signs those checkpoints and holds no funds.
 */
public final class DemoAccounts {

  /** Deployer, registry admin, liquidator and relayer. */
  public static final int ADMIN = 0;

  /** The attestation issuer (authorised on every demo registry). */
  public static final int ISSUER = 7;

  /** The demo lender. */
  public static final int LENDER = 8;

  /** The demo compliance officer. */
  public static final int COMPLIANCE = 9;

  /** Pays for anchoring audit checkpoints on chain 31337 (funded by the demo). */
  public static final int AUDIT_ANCHOR_SENDER = 10;

  /** The demo's audit key: signs audit checkpoints; never holds funds or sends a transaction. */
  public static final int AUDIT_SIGNER = 11;

  /** Private keys of accounts 0–11 (public test data, never a secret). */
  public static final List<String> KEYS =
      List.of(
          "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
          "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
          "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
          "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
          "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
          "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
          "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
          "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
          "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
          "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
          "0xf214f2b2cd398c806f84e317254e0f0b801d0643303237d97a22a48e01628897",
          "0x701b615bbdfb9de65240bc28bd21bbc0d996645a3dd57e7b12bc2bdf6f192c82");

  private DemoAccounts() {}

  /**
   * The key pair of one account.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index <= 11}
   */
  public static Credentials credentials(int index) {
    return Credentials.create(KEYS.get(index));
  }

  /** The account's address in EIP-55 checksum form. */
  public static String address(int index) {
    return org.web3j.crypto.Keys.toChecksumAddress(credentials(index).getAddress());
  }

  /** The account's private key (0x-prefixed hex). */
  public static String key(int index) {
    return KEYS.get(index);
  }
}
