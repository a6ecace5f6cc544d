package io.credence.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** Test keys that sign like browser wallets do. */
public final class TestWallets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TestWallets() {}

  /** A secp256k1 EOA signing with EIP-191 personal_sign. */
  public record Evm(ECKeyPair keys) {
    public static Evm random() {
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      return new Evm(ECKeyPair.create(new BigInteger(1, secret)));
    }

    /** EIP-55 checksum address, as it must appear in a SIWE message. */
    public String address() {
      return Keys.toChecksumAddress(Keys.getAddress(keys.getPublicKey()));
    }

    public String personalSign(String message) {
      Sign.SignatureData sig =
          Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), keys);
      byte[] bytes = new byte[65];
      System.arraycopy(sig.getR(), 0, bytes, 0, 32);
      System.arraycopy(sig.getS(), 0, bytes, 32, 32);
      bytes[64] = sig.getV()[0];
      return "0x" + HexFormat.of().formatHex(bytes);
    }
  }

  /** An ed25519 Solana keypair. */
  public record Solana(Ed25519PrivateKeyParameters secret) {
    public static Solana random() {
      Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
      generator.init(new Ed25519KeyGenerationParameters(RANDOM));
      AsymmetricCipherKeyPair pair = generator.generateKeyPair();
      return new Solana((Ed25519PrivateKeyParameters) pair.getPrivate());
    }

    public String address() {
      return base58(secret.generatePublicKey().getEncoded());
    }

    public String sign(String message) {
      Ed25519Signer signer = new Ed25519Signer();
      signer.init(true, secret);
      byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
      signer.update(bytes, 0, bytes.length);
      return base58(signer.generateSignature());
    }
  }

  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  /** Independent of the production codec on purpose. */
  public static String base58(byte[] bytes) {
    BigInteger value = new BigInteger(1, bytes);
    StringBuilder out = new StringBuilder();
    BigInteger base = BigInteger.valueOf(58);
    while (value.signum() > 0) {
      BigInteger[] qr = value.divideAndRemainder(base);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      value = qr[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }
}
