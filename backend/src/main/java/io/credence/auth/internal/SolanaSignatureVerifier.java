package io.credence.auth.internal;

import io.credence.auth.SignInFailure;
import io.credence.auth.SignInRejectedException;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.springframework.stereotype.Component;

/** ed25519 verification of a Sign-In-With-Solana message, signature and address in base58. */
@Component
public class SolanaSignatureVerifier {

  public void verify(SignInMessage message, String signatureBase58, String signedText) {
    byte[] signature;
    try {
      signature = Base58.decode(signatureBase58);
    } catch (IllegalArgumentException e) {
      throw new SignInRejectedException(
          SignInFailure.MALFORMED_SIGNATURE, "a Solana signature is base58 text");
    }
    if (signature.length != 64) {
      throw new SignInRejectedException(
          SignInFailure.MALFORMED_SIGNATURE, "an ed25519 signature is 64 bytes");
    }
    boolean valid;
    try {
      Ed25519Signer verifier = new Ed25519Signer();
      verifier.init(false, new Ed25519PublicKeyParameters(Base58.decode(message.address()), 0));
      byte[] text = signedText.getBytes(StandardCharsets.UTF_8);
      verifier.update(text, 0, text.length);
      valid = verifier.verifySignature(signature);
    } catch (IllegalArgumentException e) {
      valid = false;
    }
    if (!valid) {
      throw new SignInRejectedException(
          SignInFailure.SIGNATURE_MISMATCH, "the signature was not made by the message's address");
    }
  }
}
