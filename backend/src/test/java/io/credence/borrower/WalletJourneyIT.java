package io.credence.borrower;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.audit.AuditLog;
import io.credence.support.ApiClient;
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
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void signInLinkListUnlinkAndTheAuditChainVerifies() {
    ApiClient client = new ApiClient(port);
    TestWallets.Evm first = TestWallets.Evm.random();
    TestWallets.Evm second = TestWallets.Evm.random();
    TestWallets.Solana sol = TestWallets.Solana.random();

    // Sign in: nonce → SIWE message signed by the wallet → session.
    ApiClient.Response signIn = client.signIn(first);
    assertThat(signIn.status()).isEqualTo(200);
    assertThat(signIn.body().get("newProfile").asBoolean()).isTrue();
    String profileId = signIn.body().get("profileId").asString();
    assertThat(sessionsOf(profileId)).as("session kept in PostgreSQL").isEqualTo(1);

    // Link a second EVM wallet on Polygon.
    ApiClient.Response linkEvm = client.linkEvm(second, "137");
    assertThat(linkEvm.status()).isEqualTo(201);
    assertThat(linkEvm.body().get("chainName").asString()).isEqualTo("Polygon");
    assertThat(linkEvm.body().get("address").asString()).isEqualTo(second.address().toLowerCase());

    // Link a Solana wallet.
    ApiClient.Response linkSol = client.linkSolana(sol);
    assertThat(linkSol.status()).isEqualTo(201);
    assertThat(linkSol.body().get("chain").asString()).isEqualTo("solana");

    // Linking a wallet the profile already holds is answered with the existing link.
    ApiClient.Response relink = client.linkEvm(second, "137");
    assertThat(relink.status()).isEqualTo(200);
    assertThat(relink.body().get("id").asString()).isEqualTo(linkEvm.body().get("id").asString());

    // List.
    ApiClient.Response list = client.get("/api/v1/wallets");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).hasSize(3);
    assertThat(list.body().findValuesAsString("address"))
        .containsExactly(
            first.address().toLowerCase(), second.address().toLowerCase(), sol.address());

    // Unlink the Solana wallet; it leaves the list.
    ApiClient.Response unlink =
        client.delete("/api/v1/wallets/" + linkSol.body().get("id").asString());
    assertThat(unlink.status()).isEqualTo(204);
    assertThat(client.get("/api/v1/wallets").body()).hasSize(2);

    // Signing in again with the first wallet reaches the same profile.
    ApiClient again = new ApiClient(port);
    ApiClient.Response secondSignIn = again.signIn(first);
    assertThat(secondSignIn.status()).isEqualTo(200);
    assertThat(secondSignIn.body().get("newProfile").asBoolean()).isFalse();
    assertThat(secondSignIn.body().get("profileId").asString()).isEqualTo(profileId);

    // Signing out ends the session.
    assertThat(client.post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(204);
    assertThat(client.get("/api/v1/wallets").status()).isEqualTo(401);
    assertThat(sessionsOf(profileId)).as("only the second browser's session is left").isEqualTo(1);

    assertThat(audit.verifyChain().intact()).isTrue();
    assertThat(audit.verifyChain().entriesChecked()).isGreaterThanOrEqualTo(7);
  }

  private int sessionsOf(String profileId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM spring_session WHERE principal_name = ?", Integer.class, profileId);
  }
}
