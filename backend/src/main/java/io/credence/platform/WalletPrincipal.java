package io.credence.platform;

/**
 * A session's principal that signed in with a wallet. Modules that grant or check roles by wallet
 * address read the address through this type, without knowing the module that created the session.
 */
public interface WalletPrincipal {

  /** The address of the wallet that signed the sign-in message (EIP-55 form for EVM). */
  String address();
}
