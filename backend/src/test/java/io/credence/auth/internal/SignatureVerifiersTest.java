package io.credence.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.auth.ChainFamily;
import io.credence.auth.SignInFailure;
import io.credence.auth.SignInRejectedException;
import io.credence.support.SiweText;
import io.credence.support.TestWallets;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Sign;

class SignatureVerifiersTest {

  private final EvmSignatureVerifier evm = new EvmSignatureVerifier(List.of());
  private final SolanaSignatureVerifier solana = new SolanaSignatureVerifier();

  private static SignInMessage parse(String text, ChainFamily family) {
    return SignInMessageParser.parse(text, family);
  }

  @Test
  void acceptsPersonalSignFromTheClaimedAddress() {
    var wallet = TestWallets.Evm.random();
    String text = SiweText.evm("https://c.example", wallet.address(), "1", "nonce1234").text();
    assertThatCode(() -> evm.verify(parse(text, ChainFamily.EVM), wallet.personalSign(text), text))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsRecoveryByteZeroOrOne() {
    var wallet = TestWallets.Evm.random();
    String text = SiweText.evm("https://c.example", wallet.address(), "1", "nonce1234").text();
    String sig = wallet.personalSign(text);
    int v = Integer.parseInt(sig.substring(130), 16) - 27;
    String lowV = sig.substring(0, 130) + String.format("%02x", v);
    assertThatCode(() -> evm.verify(parse(text, ChainFamily.EVM), lowV, text))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesSignatureFromAnotherKey() {
    var wallet = TestWallets.Evm.random();
    var other = TestWallets.Evm.random();
    String text = SiweText.evm("https://c.example", wallet.address(), "1", "nonce1234").text();
    assertRefused(
        () -> evm.verify(parse(text, ChainFamily.EVM), other.personalSign(text), text),
        SignInFailure.SIGNATURE_MISMATCH);
  }

  @Test
  void refusesMalformedHexAndLength() {
    var wallet = TestWallets.Evm.random();
    String text = SiweText.evm("https://c.example", wallet.address(), "1", "nonce1234").text();
    SignInMessage m = parse(text, ChainFamily.EVM);
    String good = wallet.personalSign(text);
    for (String bad :
        List.of(
            good.substring(2), good.substring(0, 100), good + "00", good.replace('a', 'g'), "")) {
      assertRefused(() -> evm.verify(m, bad, text), SignInFailure.MALFORMED_SIGNATURE);
    }
  }

  @Test
  void refusesBadRecoveryByte() {
    var wallet = TestWallets.Evm.random();
    String text = SiweText.evm("https://c.example", wallet.address(), "1", "nonce1234").text();
    String sig = wallet.personalSign(text).substring(0, 130) + "05";
    assertRefused(
        () -> evm.verify(parse(text, ChainFamily.EVM), sig, text),
        SignInFailure.MALFORMED_SIGNATURE);
  }

  @Test
  void refusesHighSMalleatedSignature() {
    var wallet = TestWallets.Evm.random();
    String text = SiweText.evm("https://c.example", wallet.address(), "1", "nonce1234").text();
    byte[] sig = HexFormat.of().parseHex(wallet.personalSign(text).substring(2));
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
    byte[] highS = org.web3j.utils.Numeric.toBytesPadded(Sign.CURVE_PARAMS.getN().subtract(s), 32);
    System.arraycopy(highS, 0, sig, 32, 32);
    sig[64] = (byte) (sig[64] == 27 ? 28 : 27);
    String malleated = "0x" + HexFormat.of().formatHex(sig);
    assertRefused(
        () -> evm.verify(parse(text, ChainFamily.EVM), malleated, text),
        SignInFailure.MALFORMED_SIGNATURE);
  }

  @Test
  void contractWalletCheckIsConsultedWhenRecoveryDoesNotMatch() {
    var wallet = TestWallets.Evm.random();
    var signer = TestWallets.Evm.random();
    String text = SiweText.evm("https://c.example", wallet.address(), "1", "nonce1234").text();
    var withContractWallets =
        new EvmSignatureVerifier(
            List.of((chainId, address, message, signature) -> chainId.equals("1")));
    assertThatCode(
            () ->
                withContractWallets.verify(
                    parse(text, ChainFamily.EVM), signer.personalSign(text), text))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsSolanaSignature() {
    var wallet = TestWallets.Solana.random();
    String text =
        SiweText.solana("https://c.example", wallet.address(), "mainnet", "nonce1234").text();
    assertThatCode(() -> solana.verify(parse(text, ChainFamily.SOLANA), wallet.sign(text), text))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesSolanaSignatureOverADifferentMessage() {
    var wallet = TestWallets.Solana.random();
    String text =
        SiweText.solana("https://c.example", wallet.address(), "mainnet", "nonce1234").text();
    String other =
        SiweText.solana("https://c.example", wallet.address(), "mainnet", "nonce9999").text();
    assertRefused(
        () -> solana.verify(parse(text, ChainFamily.SOLANA), wallet.sign(other), text),
        SignInFailure.SIGNATURE_MISMATCH);
  }

  @Test
  void refusesMalformedSolanaSignature() {
    var wallet = TestWallets.Solana.random();
    String text =
        SiweText.solana("https://c.example", wallet.address(), "mainnet", "nonce1234").text();
    SignInMessage m = parse(text, ChainFamily.SOLANA);
    assertRefused(() -> solana.verify(m, "0OIl", text), SignInFailure.MALFORMED_SIGNATURE);
    assertRefused(() -> solana.verify(m, "3yZe7d", text), SignInFailure.MALFORMED_SIGNATURE);
  }

  @Test
  void base58MatchesKnownVectors() {
    assertThat(Base58.decode(TestWallets.base58(new byte[] {0, 0, 7, 42})))
        .containsExactly(0, 0, 7, 42);
    assertThat(Base58.decode("2NEpo7TZRRrLZSi2U")).isEqualTo("Hello World!".getBytes());
    assertThat(Base58.decode("1112")).containsExactly(0, 0, 0, 1);
    assertThatThrownBy(() -> Base58.decode("0")).isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRefused(Runnable call, SignInFailure reason) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            SignInRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
