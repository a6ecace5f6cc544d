package io.credence.attestations;

import java.util.Objects;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;

/**
 * Signs EIP-712 digests for one issuer address: an EOA key ({@link #of(Credentials)}), or the
 * owners of an ERC-1271 contract key such as a multisig, whose signature the registry checks with
 * the contract's {@code isValidSignature}.
 */
public interface DigestSigner {

  /** The address that registries authorise ({@code ISSUER_ROLE}) and attestations name. */
  Address address();

  /** A signature over {@code digest} that is valid for {@link #address()}. */
  byte[] sign(Bytes32 digest);

  /** An EOA signer: 65-byte low-s ECDSA signatures of {@code key} (secret; never printed). */
  static DigestSigner of(Credentials key) {
    Objects.requireNonNull(key);
    return new DigestSigner() {
      @Override
      public Address address() {
        return new Address(key.getAddress());
      }

      @Override
      public byte[] sign(Bytes32 digest) {
        return Eip712.sign(digest, key.getEcKeyPair());
      }

      @Override
      public String toString() {
        return "DigestSigner[" + key.getAddress() + "]";
      }
    };
  }
}
