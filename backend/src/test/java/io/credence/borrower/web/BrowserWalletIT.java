package io.credence.borrower.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.credence.support.TestWallets;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's sign-in and link buttons in a real headless Chromium. The browser wallet is an
 * EIP-1193 stub injected before the page loads; it hands each {@code personal_sign} request to the
 * test, which signs it with a test key, exactly as a wallet extension would after the user
 * approves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserWalletIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Accounts come from localStorage so a test can switch accounts like a user does. */
  private static final String WALLET_STUB =
      """
      window.ethereum = {
        request: function (req) {
          var account = localStorage.getItem('testAccount');
          if (req.method === 'eth_requestAccounts') return Promise.resolve([account]);
          if (req.method === 'eth_chainId') return Promise.resolve(localStorage.getItem('testChain') || '0x1');
          if (req.method === 'personal_sign') {
            return new Promise(function (resolve) {
              window.__walletRequest = req;
              window.__walletRespond = resolve;
            });
          }
          return Promise.reject(new Error('unsupported ' + req.method));
        }
      };
      """;

  private static ChromeDriver browser;

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (installed by .ci/run)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory("credence-chromium-"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", WALLET_STUB));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void borrowerSignsInAndLinksASecondWalletFromThePortal() {
    TestWallets.Evm first = TestWallets.Evm.random();
    TestWallets.Evm second = TestWallets.Evm.random();
    String origin = "http://localhost:" + port;

    browser.get(origin + "/sign-in");
    useAccount(first, "0x1");
    browser.findElement(By.id("sign-in-evm")).click();
    approveSignature(first);
    waitFor(() -> browser.getCurrentUrl().endsWith("/wallets"));
    assertThat(browser.getPageSource())
        .contains(first.address().toLowerCase())
        .contains("Ethereum");

    useAccount(second, "0x89"); // Polygon
    browser.findElement(By.id("link-evm")).click();
    approveSignature(second);
    waitFor(() -> browser.getPageSource().contains(second.address().toLowerCase()));
    assertThat(browser.getPageSource()).contains("Polygon");
    assertThat(browser.findElements(By.cssSelector("table.wallets tbody tr"))).hasSize(2);
  }

  @Test
  void aRefusedSignatureIsShownToTheUser() {
    TestWallets.Evm wallet = TestWallets.Evm.random();
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/sign-in");
    useAccount(wallet, "0x1");
    browser.findElement(By.id("sign-in-evm")).click();
    approveSignature(TestWallets.Evm.random()); // a different key signs
    waitFor(() -> !browser.findElement(By.id("sign-in-status")).getText().contains("…"));
    assertThat(browser.findElement(By.id("sign-in-status")).getText()).contains("was not made by");
    assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
  }

  private static void useAccount(TestWallets.Evm wallet, String chainIdHex) {
    browser.executeScript(
        "localStorage.setItem('testAccount', arguments[0]); localStorage.setItem('testChain', arguments[1]);",
        wallet.address().toLowerCase(),
        chainIdHex);
  }

  /** Waits for the page to ask the wallet to sign, then answers with {@code signer}'s signature. */
  private static void approveSignature(TestWallets.Evm signer) {
    waitFor(() -> browser.executeScript("return window.__walletRequest != null") == Boolean.TRUE);
    String hex = (String) browser.executeScript("return window.__walletRequest.params[0]");
    String message = new String(HexFormat.of().parseHex(hex.substring(2)), StandardCharsets.UTF_8);
    assertThat(message).contains(" wants you to sign in with your Ethereum account:");
    browser.executeScript(
        "var respond = window.__walletRespond; window.__walletRequest = null; respond(arguments[0]);",
        signer.personalSign(message));
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> condition.getAsBoolean());
  }
}
