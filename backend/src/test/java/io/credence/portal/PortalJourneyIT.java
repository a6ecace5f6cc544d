package io.credence.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.attestation.IssuanceFixtures;
import io.credence.support.DemoNetwork;
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
 * and the two-chain demo network ({@link DemoNetwork}: chains 31337 and 31338 with the demo
 * markets, registries and seeded histories), with the sync jobs and the mint outbox running. One
 * Spring context and one browser for all journeys; each slow step runs once. Screenshots of every
 * page go to {@code target/screenshots/<journey>/}; every page passes axe-core.
 *
 * <p>The borrower is demo account 1 (a long, clean Aave history on 31337) linking account 2 (a
 * Comet history on 31338); the lender is account 8 and the compliance officer account 9, as the
 * default run configures them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalJourneyIT {

  static final long A = DemoNetwork.CHAIN_A;
  static final long B = DemoNetwork.CHAIN_B;

  /** What journey 1 produced, for the journeys after it. */
  static String packageJson;

  static String uid;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DemoNetwork.shared().registerProperties(registry);
    registry.add("credence.roles.lenders", DemoNetwork::lenderAddress);
    registry.add("credence.roles.compliance", DemoNetwork::complianceAddress);
    registry.add("credence.history.run-jobs", () -> true);
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

  static TestWallets.Evm demo(int account) {
    return new TestWallets.Evm(DemoNetwork.account(account).getEcKeyPair());
  }

  void signIn(PortalBrowser browser, TestWallets.Evm wallet, long chainId) {
    browser.driver().get(url("/sign-in"));
    browser.useAccount(wallet, chainId);
    browser.find("#sign-in-evm").click();
    browser.approveSignature(wallet);
    browser.waitFor(() -> browser.driver().getCurrentUrl().endsWith("/wallets"));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  @Order(1)
  void borrowerSignsInLinksSyncsSeesTheScoreAndGetsAnAttestationMintedOnBothChains() {
    PortalBrowser browser = PortalBrowser.shared().journey("1-borrower");
    TestWallets.Evm first = demo(1);
    TestWallets.Evm second = demo(2);
    TestWallets.Evm presentation = TestWallets.Evm.random();

    // Sign in on chain A with the browser wallet.
    browser.visit(url("/"), "home");
    browser.visit(url("/sign-in"), "sign-in");
    browser.useAccount(first, A);
    browser.find("#sign-in-evm").click();
    browser.approveSignature(first);
    browser.waitFor(() -> browser.driver().getCurrentUrl().endsWith("/wallets"));

    // Link a second wallet, signing on chain B.
    browser.useAccount(second, B);
    browser.find("#link-evm").click();
    browser.approveSignature(second);
    browser.waitFor(() -> browser.source().contains(second.address().toLowerCase()));
    browser.check("wallets-linked");
    assertThat(browser.source()).contains("Signed on").contains(second.address().toLowerCase());

    // Sync both chains from the page; the bar reaches 100 %.
    browser.visit(url("/sync"), "sync-before");
    browser.find("#sync-now").click();
    browser.waitFor(
        Duration.ofSeconds(120),
        () -> "100".equals(browser.find("#overall-progress").getDomProperty("value")));
    assertThat(browser.text("#overall-text")).isEqualTo("2 of 2 chains done");
    browser.check("sync-done");

    browser.visit(url("/history"), "history");
    assertThat(browser.source()).contains("demo-a").contains("demo-b").contains("Borrow");
    browser.visit(url("/wallets"), "wallets-contributions");
    assertThat(browser.findAll(".chip")).isNotEmpty();

    // The score, only to the borrower.
    browser.visit(url("/score"), "score");
    assertThat(browser.text("#score-value")).matches("[3-8][0-9]{2}");
    assertThat(browser.text("#score-band")).startsWith("Band ");
    assertThat(browser.text("#score-pd")).endsWith("%");
    assertThat(browser.findAll("#reasons li").size() + browser.findAll("#factor-chart").size())
        .isPositive();

    browser.checkAtPhoneWidth("score");

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
    browser.checkAtPhoneWidth("attestation-minted");

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

  @Test
  @Order(3)
  void lenderVerifiesThePackageThenATamperedAndAnExpiredOne() {
    assertThat(packageJson).as("journey 1 ran").isNotNull();
    PortalBrowser browser = PortalBrowser.shared().journey("2-lender");
    signIn(browser, demo(8), A);
    browser.visit(url("/verify"), "verify");
    new org.openqa.selenium.support.ui.Select(browser.find("#policy-chain"))
        .selectByValue(String.valueOf(A));
    new org.openqa.selenium.support.ui.Select(browser.find("#policy-band")).selectByValue("C");
    browser.find("#policy-save").click();

    verify(browser, packageJson);
    browser.check("good-package");
    assertThat(browser.text("#verdict")).isEqualTo("Valid: every check passed");
    assertThat(browser.findAll("#checks li[data-outcome=FAIL]")).isEmpty();
    assertThat(
            browser.find("#checks li[data-check=on-chain-status]").getDomAttribute("data-outcome"))
        .isEqualTo("PASS");

    // One byte of the proof changed: the proof check fails, with its reason.
    String tampered = tamperProof(packageJson);
    verify(browser, tampered);
    browser.check("tampered-package");
    assertThat(browser.text("#verdict")).isEqualTo("Not valid");
    assertThat(browser.findAll("#checks li[data-outcome=FAIL]"))
        .extracting(e -> e.getDomAttribute("data-check"))
        .anyMatch(c -> c.startsWith("proof") || c.equals("range-proof"));

    // Issued by the demo issuer forty days ago, valid for seven: expired.
    verify(browser, expiredPackage());
    browser.check("expired-package");
    assertThat(browser.find("#checks li[data-check=not-expired]").getDomAttribute("data-outcome"))
        .isEqualTo("FAIL");
    assertThat(browser.find("#checks li[data-check=not-expired]").getText()).contains("expired");

    // Bad JSON is answered on the page, nothing is sent.
    browser.find("#package-json").clear();
    browser.find("#package-json").sendKeys("{not json");
    browser.find("#verify-submit").click();
    browser.waitFor(() -> browser.text("#verify-status").contains("not a credential package"));
    // JSON that is not a package: the server's reason.
    browser.find("#package-json").clear();
    browser.find("#package-json").sendKeys("{\"version\": 1}");
    browser.find("#verify-submit").click();
    browser.waitFor(
        () -> browser.find("#verify-status").getDomAttribute("class").contains("error"));
    browser.check("malformed-package");
    assertThat(browser.text("#verify-status")).doesNotContain("Exception");

    // Look up the uid on-chain: valid on both chains; an unknown uid is minted nowhere; bad input
    // is explained on the page.
    browser.visit(url("/verify/lookup?q=" + uid), "lookup-uid");
    assertThat(browser.findAll("#lookup-result .lookup-status"))
        .hasSize(2)
        .allMatch(e -> e.getText().equals("valid"));
    browser.visit(url("/verify/lookup?q=0x" + "cd".repeat(32)), "lookup-unknown-uid");
    assertThat(browser.findAll("#lookup-result .lookup-status"))
        .allMatch(e -> e.getText().equals("not minted here"));
    browser.visit(url("/verify/lookup?q=0x12"), "lookup-bad-input");
    assertThat(browser.text("#lookup-error")).contains("64 hex digits");

    // The lender's own history, kept because the lender signed in.
    browser.visit(url("/lender"), "my-verifications");
    assertThat(browser.findAll("table.verifications tbody tr")).hasSizeGreaterThanOrEqualTo(3);
    // The policy stayed in the browser.
    browser.driver().get(url("/verify"));
    assertThat(browser.find("#policy-band").getDomProperty("value")).isEqualTo("C");
  }

  @Test
  @Order(4)
  void complianceOfficerFollowsTheAttestationReverifiesItAndExports() {
    assertThat(uid).as("journey 1 ran").isNotNull();
    PortalBrowser browser = PortalBrowser.shared().journey("3-compliance");
    signIn(browser, demo(9), A);
    browser.visit(url("/compliance"), "audit-log");
    assertThat(browser.text("#chain-intact")).isEqualTo("Hash chain intact");

    browser.find("#f-uid").sendKeys(uid);
    browser.find("#apply-filter").click();
    browser.waitFor(() -> browser.driver().getCurrentUrl().contains("uid="));
    browser.check("filtered-to-attestation");
    String trail = browser.text("table.audit");
    assertThat(trail)
        .contains("SCORE_COMPUTED")
        .contains("ATTESTATION_ISSUED")
        .contains("ATTESTATION_MINTED")
        .contains("CREDENTIAL_VERIFIED");
    assertThat(browser.text("#chain-intact")).isEqualTo("Hash chain intact");

    String csv = download(browser, browser.find("#export-csv").getDomAttribute("href"));
    assertThat(csv).startsWith("seq,occurred_at,event_type").contains("ATTESTATION_MINTED");

    browser.find("button.reverify").click();
    browser.waitFor(() -> browser.driver().getCurrentUrl().endsWith("/compliance/reverify"));
    browser.check("reverified");
    assertThat(browser.text("#verdict")).isEqualTo("Valid: every check passed");
    assertThat(browser.findAll("#checks li")).isNotEmpty();

    browser.visit(url("/compliance/models"), "models");
    assertThat(browser.findAll("#models tbody tr")).isNotEmpty();
    assertThat(browser.text("#models")).contains("active");

    // A bad filter is explained on the page.
    browser.visit(url("/compliance?uid=0x12"), "bad-filter");
    assertThat(browser.text("#filter-error")).contains("uid");
  }

  @Test
  @Order(5)
  void aBorrowerIsRefusedPolitelyOnLenderAndCompliancePages() {
    PortalBrowser browser = PortalBrowser.shared().journey("4-borrower-refused");
    for (String page : new String[] {"/lender", "/compliance", "/compliance/models"}) {
      browser.driver().get(url(page));
      assertThat(browser.driver().getCurrentUrl()).as(page).endsWith("/sign-in");
    }
    signIn(browser, TestWallets.Evm.random(), A);
    browser.visit(url("/lender"), "lender-page");
    assertThat(browser.source()).contains("Not allowed").doesNotContain("Whitelabel");
    browser.visit(url("/compliance"), "compliance-page");
    assertThat(browser.source()).contains("Not allowed").doesNotContain("Whitelabel");
    assertThat(browser.source()).doesNotContain("Hash chain");
  }

  @Test
  @Order(6)
  void borrowerRevokesTheAttestationFromItsPage() {
    assertThat(uid).as("journey 1 ran").isNotNull();
    PortalBrowser browser = PortalBrowser.shared().journey("5-borrower-revokes");
    signIn(browser, demo(1), A);
    browser.visit(url("/attestations/" + uid), "before-revoke");
    browser.find("#revoke").click();
    browser.waitFor(() -> browser.source().contains("Revoked. The revocation is being recorded"));
    browser.waitFor(
        Duration.ofSeconds(120),
        () ->
            browser.findAll(".chain-status").stream().allMatch(e -> e.getText().equals("revoked")));
    browser.check("revoked");
    assertThat(browser.findAll("#revoke")).isEmpty();
    browser.visit(url("/attest"), "attest-list");
    assertThat(browser.text("table.attestations")).contains("revoked");
  }

  void verify(PortalBrowser browser, String json) {
    browser.find("#package-json").clear();
    browser
        .driver()
        .executeScript("document.getElementById('package-json').value = arguments[0];", json);
    browser.find("#verify-submit").click();
    browser.waitFor(
        () ->
            browser.find("#verify-result").isDisplayed()
                || browser.find("#verify-status").getDomAttribute("class").contains("error"));
  }

  static String tamperProof(String json) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"proof\"\\s*:\\s*\"0x([0-9a-f]+)\"").matcher(json);
    assertThat(m.find()).as("package has a proof").isTrue();
    int at = m.start(1) + 100;
    char c = json.charAt(at);
    return json.substring(0, at) + (c == '0' ? '1' : '0') + json.substring(at + 1);
  }

  static String expiredPackage() {
    var issuer =
        new io.credence.attestations.AttestationIssuer(
            org.web3j.crypto.Credentials.create(DemoNetwork.issuerKey()),
            new java.security.SecureRandom(),
            java.time.Clock.fixed(
                Instant.now().minus(Duration.ofDays(40)), java.time.ZoneOffset.UTC));
    return issuer
        .issue(
            new org.web3j.abi.datatypes.Address(TestWallets.Evm.random().address()),
            io.credence.zk.Opening.random(700, new java.security.SecureRandom()),
            new io.credence.zk.Statement.Band(670, 749),
            io.credence.attestations.Bytes32.of(
                org.web3j.crypto.Hash.sha3(
                    "portal-test-model".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
            Duration.ofDays(7))
        .withoutOpening()
        .toJson();
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
