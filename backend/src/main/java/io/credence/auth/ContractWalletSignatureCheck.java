package io.credence.auth;

/**
 * EIP-1271 {@code isValidSignature} on the wallet's own chain. The chain client provides the
 * implementation; with none registered, only EOA signatures are accepted.
 */
public interface ContractWalletSignatureCheck {

  /**
   * @param chainId the EVM chain id from the signed message
   * @param address the contract wallet's address
   * @param message the exact signed text (EIP-191 prefixing is the check's job)
   * @param signature the raw signature bytes as sent by the wallet
   * @return true only if the contract answers the EIP-1271 magic value
   */
  boolean isValidSignature(String chainId, String address, byte[] message, byte[] signature);
}
