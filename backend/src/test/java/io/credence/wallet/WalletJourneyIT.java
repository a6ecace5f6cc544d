package io.credence.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.audit.AuditLog;
import io.credence.support.ApiClient;
import io.credence.support.SiweText;
import io.credence.support.TestWallets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A borrower signs in with one wallet and links two more, over HTTP, on embedded PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WalletJourneyIT {

  @LocalServerPort int port;
  @Autowired AuditLog audit;

  @Test
  void signInLinkListUnlinkAndTheAuditChainVerifies() {
    ApiClient client = new ApiClient(port);
    TestWallets.Evm first = TestWallets.Evm.random();
    TestWallets.Evm second = TestWallets.Evm.random();
    TestWallets.Solana sol = TestWallets.Solana.random();

    // Sign in: nonce → SIWE message signed by the wallet → session.
    String nonce = client.get("/api/v1/auth/nonce").body().get("nonce").asText();
    String message = SiweText.evm(client.origin(), first.address(), "1", nonce).text();
    ApiClient.Response signIn =
        client.post(
            "/api/v1/auth/siwe",
            Map.of("message", message, "signature", first.personalSign(message)));
    assertThat(signIn.status()).isEqualTo(200);
    assertThat(signIn.body().get("newProfile").asBoolean()).isTrue();
    String profileId = signIn.body().get("profileId").asText();

    // Link a second EVM wallet on Polygon.
    String nonce2 = client.get("/api/v1/auth/nonce").body().get("nonce").asText();
    String message2 = SiweText.evm(client.origin(), second.address(), "137", nonce2).text();
    ApiClient.Response linkEvm =
        client.post(
            "/api/v1/wallets",
            Map.of("message", message2, "signature", second.personalSign(message2)));
    assertThat(linkEvm.status()).isEqualTo(201);
    assertThat(linkEvm.body().get("chainName").asText()).isEqualTo("Polygon");
    assertThat(linkEvm.body().get("address").asText()).isEqualTo(second.address().toLowerCase());

    // Link a Solana wallet.
    String nonce3 = client.get("/api/v1/auth/nonce").body().get("nonce").asText();
    String message3 = SiweText.solana(client.origin(), sol.address(), "mainnet", nonce3).text();
    ApiClient.Response linkSol =
        client.post(
            "/api/v1/wallets",
            Map.of("chain", "solana", "message", message3, "signature", sol.sign(message3)));
    assertThat(linkSol.status()).isEqualTo(201);
    assertThat(linkSol.body().get("chain").asText()).isEqualTo("solana");

    // Linking a wallet the profile already holds is answered with the existing link.
    String nonceAgain = client.get("/api/v1/auth/nonce").body().get("nonce").asText();
    String messageAgain = SiweText.evm(client.origin(), second.address(), "137", nonceAgain).text();
    ApiClient.Response relink =
        client.post(
            "/api/v1/wallets",
            Map.of("message", messageAgain, "signature", second.personalSign(messageAgain)));
    assertThat(relink.status()).isEqualTo(200);
    assertThat(relink.body().get("id").asText()).isEqualTo(linkEvm.body().get("id").asText());

    // List.
    ApiClient.Response list = client.get("/api/v1/wallets");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).hasSize(3);
    assertThat(list.body().findValuesAsText("address"))
        .containsExactly(
            first.address().toLowerCase(), second.address().toLowerCase(), sol.address());

    // Unlink the Solana wallet; it leaves the list.
    ApiClient.Response unlink =
        client.delete("/api/v1/wallets/" + linkSol.body().get("id").asText());
    assertThat(unlink.status()).isEqualTo(204);
    assertThat(client.get("/api/v1/wallets").body()).hasSize(2);

    // Signing in again with the first wallet reaches the same profile.
    ApiClient again = new ApiClient(port);
    String nonce4 = again.get("/api/v1/auth/nonce").body().get("nonce").asText();
    String message4 = SiweText.evm(again.origin(), first.address(), "1", nonce4).text();
    ApiClient.Response secondSignIn =
        again.post(
            "/api/v1/auth/siwe",
            Map.of("message", message4, "signature", first.personalSign(message4)));
    assertThat(secondSignIn.status()).isEqualTo(200);
    assertThat(secondSignIn.body().get("newProfile").asBoolean()).isFalse();
    assertThat(secondSignIn.body().get("profileId").asText()).isEqualTo(profileId);

    // Signing out ends the session.
    assertThat(client.post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(204);
    assertThat(client.get("/api/v1/wallets").status()).isEqualTo(401);

    assertThat(audit.verifyChain().intact()).isTrue();
    assertThat(audit.verifyChain().entriesChecked()).isGreaterThanOrEqualTo(7);
  }
}
