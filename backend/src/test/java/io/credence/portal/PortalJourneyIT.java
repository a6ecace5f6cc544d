package io.credence.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.attestation.IssuanceFixtures;
import io.credence.attestations.RegistryClient;
import io.credence.support.AnvilNode;
import io.credence.support.PortalBrowser;
import io.credence.support.TestWallets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal's journeys (issue 16) in headless Chromium against the server on embedded PostgreSQL
 * and two real Anvil chains with Credence registries, the mint outbox and the sync jobs running.
 * One Spring context and one browser for all journeys; each slow step runs once. Screenshots of
 * every page go to {@code target/screenshots/<journey>/}; every page passes axe-core.
 *
 * <p>The borrower's history is written the way a finished sync stores it ({@link
 * IssuanceFixtures#seedGoodHistory}); the sync the borrower then starts from the page runs for real
 * on both chains.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalJourneyIT {

  static final long A = 31_451;
  static final long B = 31_452;
  static RegistryClient registryA;
  static RegistryClient registryB;

  /** What journey 1 produced, for the journeys after it. */
  static String packageJson;

  static String uid;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  static synchronized RegistryClient registry(long chain) {
    if (registryA == null) {
      registryA = IssuanceFixtures.registry(AnvilNode.chain(A));
      registryB = IssuanceFixtures.registry(AnvilNode.chain(B));
    }
    return chain == A ? registryA : registryB;
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    int i = 0;
    for (long chain : new long[] {A, B}) {
      String p = "credence.chains[" + i++ + "].";
      registry.add(p + "id", () -> chain);
      registry.add(p + "name", () -> "anvil-" + chain);
      registry.add(p + "rpc-url", () -> AnvilNode.chain(chain).rpcUrl());
      registry.add(p + "confirmations", () -> 0);
      registry.add(p + "max-block-range", () -> 1000);
      registry.add(p + "registry-address", () -> registry(chain).address().toString());
    }
    registry.add("credence.auth.evm-chain-ids", () -> "1," + A + "," + B);
    registry.add("credence.history.run-jobs", () -> true);
    registry.add("credence.issuer.key", () -> IssuanceFixtures.ISSUER_KEY);
    registry.add("credence.relayer.key", () -> IssuanceFixtures.RELAYER_KEY);
    registry.add("credence.attestation.opening-key", () -> IssuanceFixtures.OPENING_KEY);
    registry.add("credence.attestation.outbox.run-jobs", () -> true);
    registry.add("credence.attestation.outbox.every", () -> "200ms");
    registry.add("credence.attestation.outbox.polling-interval", () -> "100ms");
    registry.add("credence.attestation.outbox.retry-backoff", () -> "200ms");
  }

  @AfterAll
  static void dropQueuedSyncs(@Autowired JdbcClient jdbc) {
    jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance LIKE ? OR task_instance LIKE ?")
        .params("%:" + A, "%:" + B)
        .update();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  @Order(1)
  void borrowerSignsInLinksSyncsSeesTheScoreAndGetsAnAttestationMintedOnBothChains() {
    PortalBrowser browser = PortalBrowser.shared().journey("1-borrower");
    TestWallets.Evm first = TestWallets.Evm.random();
    TestWallets.Evm second = TestWallets.Evm.random();
    TestWallets.Evm presentation = TestWallets.Evm.random();

    // Sign in on chain A with the browser wallet.
    browser.visit(url("/"), "home");
    browser.visit(url("/sign-in"), "sign-in");
    browser.useAccount(first, A);
    browser.find("#sign-in-evm").click();
    browser.approveSignature(first);
    browser.waitFor(() -> browser.driver().getCurrentUrl().endsWith("/wallets"));
    String profile =
        jdbc.sql("SELECT profile_id FROM wallet_link WHERE lower(address) = lower(?)")
            .param(first.address())
            .query(String.class)
            .single();
    IssuanceFixtures.seedGoodHistory(jdbc, profile, first.address(), A, Instant.now());

    // Link a second wallet, signing on chain B.
    browser.useAccount(second, B);
    browser.find("#link-evm").click();
    browser.approveSignature(second);
    browser.waitFor(() -> browser.source().contains(second.address().toLowerCase()));
    browser.check("wallets-linked");
    assertThat(browser.source()).contains("Signed on").contains("anvil-" + A);

    // Sync both chains from the page; the bar reaches 100 %.
    browser.visit(url("/sync"), "sync-before");
    browser.find("#sync-now").click();
    browser.waitFor(
        Duration.ofSeconds(120),
        () -> "100".equals(browser.find("#overall-progress").getDomProperty("value")));
    assertThat(browser.text("#overall-text")).isEqualTo("2 of 2 chains done");
    browser.check("sync-done");

    browser.visit(url("/history"), "history");
    assertThat(browser.source()).contains("anvil-" + A).contains("Borrow").contains("Repay");
    browser.visit(url("/wallets"), "wallets-contributions");
    assertThat(browser.findAll(".chip")).isNotEmpty();

    // The score, only to the borrower.
    browser.visit(url("/score"), "score");
    assertThat(browser.text("#score-value")).matches("[3-8][0-9]{2}");
    assertThat(browser.text("#score-band")).startsWith("Band ");
    assertThat(browser.text("#score-pd")).endsWith("%");
    assertThat(browser.findAll("#reasons li").size() + browser.findAll("#factor-chart").size())
        .isPositive();

    // Ask for a band attestation to a fresh presentation address on both chains.
    browser.visit(url("/attest"), "attest");
    browser.find("#recipient").sendKeys(presentation.address());
    browser.useAccount(presentation, A);
    browser.find("#attest-submit").click();
    List<PortalBrowser.WalletRequest> consents =
        List.of(browser.approveSignature(presentation), browser.approveSignature(presentation));
    assertThat(consents).allMatch(r -> r.method().equals("eth_signTypedData_v4"));
    assertThat(consents.get(0).typedData()).contains("MintConsent");
    browser.waitFor(() -> browser.driver().getCurrentUrl().contains("/attestations/0x"));
    uid = browser.text("#uid");
    browser.check("attestation-pending");
    browser.waitFor(
        Duration.ofSeconds(120),
        () ->
            browser.findAll(".chain-status").stream().allMatch(e -> e.getText().equals("minted")));
    assertThat(browser.findAll(".chain-status")).hasSize(2);
    browser.check("attestation-minted");

    // Download the package as the browser does (same session), and check it holds no opening.
    packageJson = download(browser, browser.find("#download-package").getDomAttribute("href"));
    assertThat(packageJson.toLowerCase(java.util.Locale.ROOT))
        .contains(presentation.address().toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("blinding");
  }

  @Test
  @Order(2)
  void aBorrowerCannotSeeAnotherBorrowersAttestation() {
    assertThat(uid).as("journey 1 ran").isNotNull();
    PortalBrowser browser = PortalBrowser.shared().journey("1b-other-borrower");
    TestWallets.Evm other = TestWallets.Evm.random();
    browser.driver().get(url("/sign-in"));
    browser.useAccount(other, 1);
    browser.find("#sign-in-evm").click();
    browser.approveSignature(other);
    browser.waitFor(() -> browser.driver().getCurrentUrl().endsWith("/wallets"));
    browser.visit(url("/attestations/" + uid), "other-borrowers-uid");
    assertThat(browser.source()).contains("Page not found").doesNotContain(uid.substring(2, 20));
  }

  static String download(PortalBrowser browser, String href) {
    return (String)
        browser
            .driver()
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + " fetch(arguments[0], {credentials: 'same-origin'})"
                    + ".then(function (r) { return r.text(); }).then(done)"
                    + ".catch(function (e) { done('ERROR ' + e); });",
                href);
  }
}
