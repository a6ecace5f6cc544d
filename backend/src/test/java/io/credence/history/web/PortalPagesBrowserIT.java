package io.credence.history.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.PortalBrowser;
import io.credence.support.TestWallets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal pages in headless Chromium (issue 16): sign-in with a signature pasted from another
 * wallet, the wallets, sync and history pages of a borrower with nothing synced, and the bad inputs
 * a user can type — each answered on the page, never with a framework error page. Every page
 * visited is screenshotted and checked with axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalPagesBrowserIT {

  @LocalServerPort int port;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void signsInWithASignatureMadeElsewhereAndShowsTheBorrowersPages() {
    PortalBrowser browser = PortalBrowser.shared().journey("pasted-signature-sign-in");
    TestWallets.Evm wallet = TestWallets.Evm.random();

    browser.visit(url("/"), "home");
    browser.visit(url("/sign-in"), "sign-in");
    browser.find("#manual-address").sendKeys(wallet.address());
    browser.find("#manual-chain").clear();
    browser.find("#manual-chain").sendKeys("1");
    browser.find("#manual-show").click();
    browser.waitFor(
        () ->
            browser.find("#manual-sign-in").isDisplayed()
                && !browser.find("#manual-message").getDomProperty("value").isEmpty());
    String message = browser.find("#manual-message").getDomProperty("value");
    assertThat(message)
        .startsWith("localhost:" + port + " wants you to sign in with your Ethereum account:\n")
        .contains(wallet.address());
    browser.check("message-shown");

    // A signature by another key is refused on the page, and the user can try again.
    browser.find("#manual-signature").sendKeys(TestWallets.Evm.random().personalSign(message));
    browser.find("#manual-submit").click();
    browser.waitFor(() -> browser.text("#manual-status").contains("was not made by"));
    browser.check("wrong-signer");
    browser.find("#manual-signature").clear();
    browser.find("#manual-signature").sendKeys("0x1234");
    browser.find("#manual-submit").click();
    browser.waitFor(() -> browser.text("#manual-status").contains("130 hex digits"));
    assertThat(browser.find("#manual-signature").getDomAttribute("aria-invalid")).isEqualTo("true");

    browser.find("#manual-signature").clear();
    browser.find("#manual-signature").sendKeys(wallet.personalSign(message));
    browser.find("#manual-submit").click();
    browser.waitFor(() -> browser.driver().getCurrentUrl().endsWith("/wallets"));
    browser.check("wallets");
    assertThat(browser.source())
        .contains(wallet.address().toLowerCase())
        .contains("nothing synced yet");

    browser.visit(url("/sync"), "sync");
    assertThat(browser.text("#overall-text")).contains("chains done");
    browser.visit(url("/history"), "history");
    assertThat(browser.source()).contains("Nothing has been synced yet.");
  }

  @Test
  void badAddressesAreAnsweredOnThePage() {
    PortalBrowser browser = PortalBrowser.shared().journey("sign-in-bad-input");
    browser.visit(url("/sign-in"), "sign-in");
    browser.find("#manual-address").sendKeys("0x1234");
    browser.find("#manual-show").click();
    browser.waitFor(() -> browser.text("#manual-status").contains("40 hex digits"));
    assertThat(browser.find("#manual-address").getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.find("#manual-sign-in").isDisplayed()).isFalse();

    // A chain this server does not support: the message can be prepared, but the correctly signed
    // sign-in is refused with the server's reason, shown on the page; no session is opened.
    TestWallets.Evm wallet = TestWallets.Evm.random();
    browser.find("#manual-address").clear();
    browser.find("#manual-address").sendKeys(wallet.address());
    browser.find("#manual-chain").clear();
    browser.find("#manual-chain").sendKeys("999999");
    browser.find("#manual-show").click();
    browser.waitFor(() -> !browser.find("#manual-message").getDomProperty("value").isEmpty());
    String message = browser.find("#manual-message").getDomProperty("value");
    browser.find("#manual-signature").sendKeys(wallet.personalSign(message));
    browser.find("#manual-submit").click();
    browser.waitFor(
        () -> browser.find("#manual-status").getDomAttribute("class").contains("error"));
    browser.check("unsupported-chain");
    assertThat(browser.text("#manual-status"))
        .containsIgnoringCase("chain")
        .doesNotContain("Exception");
    browser.driver().get(url("/wallets"));
    assertThat(browser.driver().getCurrentUrl()).endsWith("/sign-in");
  }

  @Test
  void borrowerPagesSendVisitorsToSignInAndUnknownPagesAreFriendly() {
    PortalBrowser browser = PortalBrowser.shared().journey("anonymous-and-errors");
    for (String page : new String[] {"/wallets", "/sync", "/history"}) {
      browser.driver().get(url(page));
      assertThat(browser.driver().getCurrentUrl()).endsWith("/sign-in");
    }
    signIn(browser);
    browser.visit(url("/no-such-page"), "not-found");
    assertThat(browser.source()).contains("Page not found").doesNotContain("Whitelabel");
  }

  @Test
  void scoreAndAttestPagesExplainWhatIsMissingAndUnknownUidsAreNotFound() {
    PortalBrowser browser = PortalBrowser.shared().journey("score-and-attest-without-history");
    signIn(browser);
    browser.visit(url("/score"), "score-insufficient");
    assertThat(browser.text("#insufficient")).contains("Not enough history to score yet");

    browser.visit(url("/attest"), "attest");
    browser.find("#recipient").sendKeys("not-an-address");
    browser.find("#attest-submit").click();
    browser.waitFor(() -> browser.text("#attest-status").contains("40 hex digits"));
    assertThat(browser.find("#recipient").getDomAttribute("aria-invalid")).isEqualTo("true");

    browser.find("#recipient").clear();
    browser.find("#recipient").sendKeys(TestWallets.Evm.random().address());
    browser.find("#statement-threshold").click();
    browser.find("#threshold-min").sendKeys("12");
    browser.find("#attest-submit").click();
    browser.waitFor(() -> browser.text("#attest-status").contains("between 300 and 850"));

    browser.visit(url("/attestations/0x1234"), "attestation-malformed-uid");
    assertThat(browser.source()).contains("Page not found").doesNotContain("Whitelabel");
    browser.visit(url("/attestations/0x" + "ab".repeat(32)), "attestation-unknown-uid");
    assertThat(browser.source())
        .contains("Page not found")
        .contains("no such attestation")
        .doesNotContain("Exception");
  }

  private void signIn(PortalBrowser browser) {
    TestWallets.Evm wallet = TestWallets.Evm.random();
    browser.driver().get(url("/sign-in"));
    browser.useAccount(wallet, 1);
    browser.find("#sign-in-evm").click();
    browser.approveSignature(wallet);
    browser.waitFor(() -> browser.driver().getCurrentUrl().endsWith("/wallets"));
  }
}
