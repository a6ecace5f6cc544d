package io.credence.auth.internal;

import io.credence.auth.ContractWalletSignatureCheck;
import io.credence.auth.SignInFailure;
import io.credence.auth.SignInRejectedException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * EIP-191 {@code personal_sign} verification for EOAs. A signature that does not recover to the
 * claimed address is offered to the contract-wallet checks (EIP-1271) before being refused.
 */
@Component
public class EvmSignatureVerifier {

  private static final BigInteger HALF_CURVE_ORDER = Sign.CURVE_PARAMS.getN().shiftRight(1);

  private final List<ContractWalletSignatureCheck> contractWallets;

  EvmSignatureVerifier(List<ContractWalletSignatureCheck> contractWallets) {
    this.contractWallets = List.copyOf(contractWallets);
  }

  public void verify(SignInMessage message, String signatureHex, String signedText) {
    byte[] sig = decode(signatureHex);
    byte v = sig[64];
    if (v == 0 || v == 1) {
      v += 27;
    }
    if (v != 27 && v != 28) {
      throw new SignInRejectedException(
          SignInFailure.MALFORMED_SIGNATURE, "the recovery byte v must be 27/28 (or 0/1)");
    }
    byte[] r = java.util.Arrays.copyOfRange(sig, 0, 32);
    byte[] s = java.util.Arrays.copyOfRange(sig, 32, 64);
    if (new BigInteger(1, s).compareTo(HALF_CURVE_ORDER) > 0) {
      throw new SignInRejectedException(
          SignInFailure.MALFORMED_SIGNATURE, "the signature is not in canonical low-s form");
    }
    byte[] text = signedText.getBytes(StandardCharsets.UTF_8);
    String recovered;
    try {
      BigInteger key = Sign.signedPrefixedMessageToKey(text, new Sign.SignatureData(v, r, s));
      recovered = "0x" + Keys.getAddress(key);
    } catch (SignatureException | IllegalArgumentException e) {
      recovered = null;
    }
    if (recovered != null && recovered.equalsIgnoreCase(message.address())) {
      return;
    }
    for (ContractWalletSignatureCheck check : contractWallets) {
      if (check.isValidSignature(message.chainId(), message.address(), text, sig)) {
        return;
      }
    }
    throw new SignInRejectedException(
        SignInFailure.SIGNATURE_MISMATCH, "the signature was not made by the message's address");
  }

  private static byte[] decode(String hex) {
    if (hex == null || !hex.matches("0x[0-9a-fA-F]{130}")) {
      throw new SignInRejectedException(
          SignInFailure.MALFORMED_SIGNATURE, "an EVM signature is 0x followed by 130 hex digits");
    }
    return HexFormat.of().parseHex(hex.substring(2));
  }
}
