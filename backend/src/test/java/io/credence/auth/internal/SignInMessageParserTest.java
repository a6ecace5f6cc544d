package io.credence.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.auth.ChainFamily;
import io.credence.auth.SignInFailure;
import io.credence.auth.SignInRejectedException;
import io.credence.support.SiweText;
import io.credence.support.TestWallets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignInMessageParserTest {

  private static final String ADDRESS = "0x52908400098527886E0F7030069857D2E4169EE7";

  private static SiweText base() {
    return SiweText.evm("https://credence.example", ADDRESS, "1", "abcdEFGH1234");
  }

  @Test
  void parsesEveryField() {
    String text =
        "https://credence.example wants you to sign in with your Ethereum account:\n"
            + ADDRESS
            + "\n\nI accept the terms.\n\n"
            + "URI: https://credence.example/login\n"
            + "Version: 1\n"
            + "Chain ID: 137\n"
            + "Nonce: 32891756abcd\n"
            + "Issued At: 2026-11-21T16:25:24Z\n"
            + "Expiration Time: 2026-11-21T17:25:24.000Z\n"
            + "Not Before: 2026-11-21T16:20:00+00:00\n"
            + "Request ID: req-1\n"
            + "Resources:\n"
            + "- ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/\n"
            + "- https://credence.example/terms";
    SignInMessage m = SignInMessageParser.parse(text, ChainFamily.EVM);
    assertThat(m.scheme()).contains("https");
    assertThat(m.domain()).isEqualTo("credence.example");
    assertThat(m.address()).isEqualTo(ADDRESS);
    assertThat(m.statement()).contains("I accept the terms.");
    assertThat(m.uri().toString()).isEqualTo("https://credence.example/login");
    assertThat(m.chainId()).isEqualTo("137");
    assertThat(m.nonce()).isEqualTo("32891756abcd");
    assertThat(m.issuedAt()).isEqualTo(Instant.parse("2026-11-21T16:25:24Z"));
    assertThat(m.expirationTime()).contains(Instant.parse("2026-11-21T17:25:24Z"));
    assertThat(m.notBefore()).contains(Instant.parse("2026-11-21T16:20:00Z"));
    assertThat(m.requestId()).contains("req-1");
    assertThat(m.resources()).hasSize(2);
  }

  @Test
  void parsesMessageWithoutStatement() {
    String text =
        new SiweText(
                "credence.example",
                "Ethereum",
                ADDRESS,
                null,
                "https://credence.example",
                "1",
                "1",
                "abcdEFGH1234",
                Instant.parse("2026-11-21T16:25:24Z"),
                null,
                null)
            .text();
    SignInMessage m = SignInMessageParser.parse(text, ChainFamily.EVM);
    assertThat(m.statement()).isEmpty();
    assertThat(m.scheme()).isEmpty();
    assertThat(m.domain()).isEqualTo("credence.example");
  }

  @Test
  void parsesSolanaMessage() {
    TestWallets.Solana wallet = TestWallets.Solana.random();
    String text =
        SiweText.solana("https://credence.example", wallet.address(), "mainnet", "abcdEFGH1234")
            .text();
    SignInMessage m = SignInMessageParser.parse(text, ChainFamily.SOLANA);
    assertThat(m.address()).isEqualTo(wallet.address());
    assertThat(m.chainId()).isEqualTo("mainnet");
  }

  @Test
  void refusesAnEthereumMessageAsSolana() {
    assertMalformed(base().text(), ChainFamily.SOLANA, "first line");
  }

  @Test
  void refusesAddressWithoutChecksum() {
    String text = base().text().replace(ADDRESS, ADDRESS.toLowerCase());
    assertMalformed(text, ChainFamily.EVM, "EIP-55");
  }

  @Test
  void refusesCarriageReturns() {
    assertMalformed(base().text().replace("\n", "\r\n"), ChainFamily.EVM, "LF");
  }

  @Test
  void refusesTrailingNewline() {
    assertMalformed(base().text() + "\n", ChainFamily.EVM, "unexpected line");
  }

  @Test
  void refusesMissingField() {
    String text = base().text().replaceFirst("Version: 1\n", "");
    assertMalformed(text, ChainFamily.EVM, "Version");
  }

  @Test
  void refusesReorderedFields() {
    String text = base().text().replace("Version: 1\nChain ID: 1", "Chain ID: 1\nVersion: 1");
    assertMalformed(text, ChainFamily.EVM, "Version");
  }

  @Test
  void refusesBadTimestamp() {
    String text = base().text().replaceFirst("Issued At: .*", "Issued At: yesterday");
    assertMalformed(text, ChainFamily.EVM, "RFC 3339");
  }

  @Test
  void refusesShortNonce() {
    String text = base().text().replace("abcdEFGH1234", "abc");
    assertMalformed(text, ChainFamily.EVM, "Nonce");
  }

  @Test
  void refusesRelativeUri() {
    assertMalformed(base().withUri("/login").text(), ChainFamily.EVM, "absolute");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "hello", "wants you to sign in with your Ethereum account:"})
  void refusesGarbage(String text) {
    assertThatThrownBy(() -> SignInMessageParser.parse(text, ChainFamily.EVM))
        .isInstanceOfSatisfying(
            SignInRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(SignInFailure.MALFORMED_MESSAGE));
  }

  @Test
  void refusesOversizedMessage() {
    String text = base().text().replace("Sign in to Credence.", "x".repeat(5000));
    assertMalformed(text, ChainFamily.EVM, "longer than");
  }

  private static void assertMalformed(String text, ChainFamily family, String detailFragment) {
    assertThatThrownBy(() -> SignInMessageParser.parse(text, family))
        .isInstanceOfSatisfying(
            SignInRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SignInFailure.MALFORMED_MESSAGE);
              assertThat(e.getMessage()).contains(detailFragment);
            });
  }
}
