package io.credence.auth.internal;

import io.credence.auth.ChainFamily;
import io.credence.auth.SignInFailure;
import io.credence.auth.SignInRejectedException;
import org.web3j.crypto.Keys;

/** Address and chain-id syntax for callers that ask the server to prepare a message. */
public final class WalletAddresses {

  private WalletAddresses() {}

  /** EVM: any-case hex → EIP-55 checksum form; Solana: base58 of a 32-byte key, unchanged. */
  public static String canonicalForMessage(ChainFamily family, String address) {
    if (address == null) {
      throw bad("address is required with chainId");
    }
    if (family == ChainFamily.EVM) {
      if (!address.matches("0x[0-9a-fA-F]{40}")) {
        throw bad("an EVM address is 0x followed by 40 hex digits");
      }
      return Keys.toChecksumAddress(address);
    }
    try {
      if (Base58.decode(address).length == 32) {
        return address;
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw bad("a Solana address is the base58 form of a 32-byte key");
  }

  public static void requireChainIdSyntax(ChainFamily family, String chainId) {
    String pattern = family == ChainFamily.EVM ? "[0-9]{1,19}" : "[a-z0-9][a-z0-9:-]{0,63}";
    if (chainId == null || !chainId.matches(pattern)) {
      throw bad("chainId is missing or not well-formed");
    }
  }

  private static SignInRejectedException bad(String detail) {
    return new SignInRejectedException(SignInFailure.MALFORMED_MESSAGE, detail);
  }
}
