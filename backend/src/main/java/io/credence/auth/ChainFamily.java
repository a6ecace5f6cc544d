package io.credence.auth;

/** The signature schemes Credence accepts as proof of wallet control. */
public enum ChainFamily {
  /** secp256k1 EOAs (EIP-191 personal_sign); EIP-1271 contract wallets slot in later. */
  EVM("evm", "Ethereum"),
  /** ed25519 keys, base58 addresses. */
  SOLANA("solana", "Solana");

  private final String code;
  private final String accountWord;

  ChainFamily(String code, String accountWord) {
    this.code = code;
    this.accountWord = accountWord;
  }

  /** The stable lower-case code stored in the database and used in the API. */
  public String code() {
    return code;
  }

  public String accountWord() {
    return accountWord;
  }

  public static ChainFamily fromCode(String code) {
    for (ChainFamily f : values()) {
      if (f.code.equals(code)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown chain family: " + code);
  }
}
