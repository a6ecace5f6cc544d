package io.credence.borrower.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.PortalBrowser;
import io.credence.support.TestWallets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's sign-in and link buttons in a real headless Chromium with an injected EIP-1193
 * wallet (see {@link PortalBrowser}): the test approves each signing request with a test key,
 * exactly as a wallet extension does after the user approves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserWalletIT {

  @LocalServerPort int port;

  @Test
  void borrowerSignsInAndLinksASecondWalletFromThePortal() {
    PortalBrowser browser = PortalBrowser.shared().journey("wallet-sign-in-and-link");
    TestWallets.Evm first = TestWallets.Evm.random();
    TestWallets.Evm second = TestWallets.Evm.random();
    String origin = "http://localhost:" + port;

    browser.visit(origin + "/sign-in", "sign-in");
    browser.useAccount(first, 1);
    browser.find("#sign-in-evm").click();
    assertThat(browser.approveSignature(first).text())
        .contains(" wants you to sign in with your Ethereum account:");
    browser.waitFor(() -> browser.driver().getCurrentUrl().endsWith("/wallets"));
    browser.check("wallets");
    assertThat(browser.source()).contains(first.address().toLowerCase()).contains("Ethereum");

    browser.useAccount(second, 137); // Polygon
    browser.find("#link-evm").click();
    browser.approveSignature(second);
    browser.waitFor(() -> browser.source().contains(second.address().toLowerCase()));
    browser.check("two-wallets");
    assertThat(browser.source()).contains("Polygon");
    assertThat(browser.findAll("table.wallets tbody tr")).hasSize(2);
  }

  @Test
  void aRefusedSignatureIsShownToTheUser() {
    PortalBrowser browser = PortalBrowser.shared().journey("wallet-refused-signature");
    TestWallets.Evm wallet = TestWallets.Evm.random();
    browser.visit("http://localhost:" + port + "/sign-in", "sign-in");
    browser.useAccount(wallet, 1);
    browser.find("#sign-in-evm").click();
    browser.approveSignature(TestWallets.Evm.random()); // a different key signs
    browser.waitFor(() -> browser.text("#sign-in-status").contains("was not made by"));
    browser.check("refused");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/sign-in");
  }
}
