package io.credence.attestations;

import java.util.Objects;
import org.web3j.abi.datatypes.Address;

/**
 * A portable revocation: {@code signer}'s EIP-712 {@code Revocation(uid)} signature. Any registry
 * on any chain records it, relayed by anyone ({@link RegistryClient#relay}), also before the
 * attestation is minted there; it takes effect for an attestation only if {@code signer} is its
 * issuer. Not secret.
 */
public record SignedRevocation(Bytes32 uid, Address signer, byte[] signature) {

  public SignedRevocation {
    Objects.requireNonNull(uid);
    Objects.requireNonNull(signer);
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedRevocation r
        && uid.equals(r.uid)
        && signer.equals(r.signer)
        && java.util.Arrays.equals(signature, r.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uid, signer, java.util.Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "SignedRevocation[uid=" + uid.hex() + ", signer=" + signer + "]";
  }
}
