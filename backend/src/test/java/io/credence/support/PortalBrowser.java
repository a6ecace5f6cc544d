package io.credence.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;

/**
 * One headless Chromium per test JVM, shared by every browser test class (Debian's {@code chromium}
 * + {@code chromium-driver}, installed by {@code .ci/run}).
 *
 * <p>The page sees an EIP-1193 wallet ({@code window.ethereum}) injected before any page script
 * runs. It answers {@code eth_requestAccounts} and {@code eth_chainId} from the account the test
 * chose, and parks every signing request ({@code personal_sign}, {@code eth_signTypedData_v4})
 * until the test approves it with {@link #approveSignature}: the test then signs in Java with the
 * account's key (web3j), exactly as a wallet extension signs after its user clicks "Sign". Nothing
 * of this is in the server's code.
 *
 * <p>{@link #visit} saves a full-page screenshot under {@code target/screenshots/<journey>/} and
 * runs axe-core (from {@code src/test/browser}, installed by the build with {@code npm ci}) on the
 * page, failing on any serious or critical violation.
 */
public final class PortalBrowser {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path AXE =
      Path.of("src/test/browser/node_modules/axe-core/axe.min.js").toAbsolutePath();
  private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();

  /** The injected wallet: accounts come from localStorage so they survive page loads. */
  private static final String WALLET =
      """
      (function () {
        var pending = [];
        window.__credenceWallet = {
          pending: pending,
          respond: function (id, result, error) {
            for (var i = 0; i < pending.length; i++) {
              if (pending[i].id === id) {
                var p = pending.splice(i, 1)[0];
                if (error) { var e = new Error(error); e.code = 4001; p.reject(e); } else { p.resolve(result); }
                return true;
              }
            }
            return false;
          }
        };
        var next = 1;
        window.ethereum = {
          isCredenceTestWallet: true,
          request: function (req) {
            var account = localStorage.getItem('testAccount');
            var chain = localStorage.getItem('testChain') || '0x1';
            if (req.method === 'eth_requestAccounts' || req.method === 'eth_accounts') {
              return Promise.resolve(account ? [account] : []);
            }
            if (req.method === 'eth_chainId') return Promise.resolve(chain);
            if (req.method === 'personal_sign' || req.method === 'eth_signTypedData_v4') {
              return new Promise(function (resolve, reject) {
                pending.push({ id: next++, method: req.method, params: req.params, resolve: resolve, reject: reject });
              });
            }
            return Promise.reject(new Error('unsupported ' + req.method));
          },
          on: function () {},
          removeListener: function () {}
        };
      })();
      """;

  private static volatile PortalBrowser shared;

  private final ChromeDriver driver;
  private final Map<String, ECKeyPair> keys = new ConcurrentHashMap<>();
  private String axeSource;
  private String journey = "misc";
  private int shot;

  private PortalBrowser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** The JVM's browser, started on first use; the test is skipped when Chromium is missing. */
  public static synchronized PortalBrowser shared() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (installed by .ci/run)");
    if (shared == null) {
      shared = new PortalBrowser(start());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.driver.quit()));
    }
    return shared;
  }

  private static ChromeDriver start() {
    try {
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
          "--hide-scrollbars",
          "--window-size=1280,900",
          "--user-data-dir=" + Files.createTempDirectory("credence-chromium-"));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WALLET));
      return driver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Screenshots from now on go to {@code target/screenshots/<name>/}; cookies are cleared. */
  public PortalBrowser journey(String name) {
    this.journey = name;
    this.shot = 0;
    driver.manage().deleteAllCookies();
    return this;
  }

  /** Opens {@code url}, then {@link #check}s it as {@code label}. */
  public PortalBrowser visit(String url, String label) {
    driver.get(url);
    return check(label);
  }

  /** Screenshot + accessibility check of the page as it is now. */
  public PortalBrowser check(String label) {
    screenshot(label);
    assertAccessible(label);
    return this;
  }

  /**
   * Screenshot + accessibility check at a phone's width (390 px), then back to the desktop width;
   * also asserts the page does not scroll sideways.
   */
  public PortalBrowser checkAtPhoneWidth(String label) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      Number overflow =
          (Number)
              driver.executeScript(
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(overflow.intValue())
          .as("horizontal overflow at phone width on " + label)
          .isLessThanOrEqualTo(0);
      return check(label + "-phone");
    } finally {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
  }

  /** The browser wallet switches to {@code wallet} on chain {@code chainId}. */
  public PortalBrowser useAccount(TestWallets.Evm wallet, long chainId) {
    keys.put(wallet.address().toLowerCase(Locale.ROOT), wallet.keys());
    driver.executeScript(
        "localStorage.setItem('testAccount', arguments[0]);"
            + " localStorage.setItem('testChain', arguments[1]);",
        wallet.address().toLowerCase(Locale.ROOT),
        "0x" + Long.toHexString(chainId));
    return this;
  }

  /** A signing request the page made to the wallet. */
  public record WalletRequest(long id, String method, List<?> params) {

    /** The text of a {@code personal_sign} request. */
    public String text() {
      String hex = (String) params.get(0);
      return new String(HexFormat.of().parseHex(hex.substring(2)), StandardCharsets.UTF_8);
    }

    /** The typed-data JSON of an {@code eth_signTypedData_v4} request. */
    public String typedData() {
      return (String) params.get(1);
    }
  }

  /** Waits for the page to ask the wallet to sign. */
  public WalletRequest awaitWalletRequest() {
    waitFor(
        () ->
            ((Number) driver.executeScript("return window.__credenceWallet.pending.length"))
                    .intValue()
                > 0);
    @SuppressWarnings("unchecked")
    Map<String, Object> request =
        (Map<String, Object>)
            driver.executeScript(
                "var p = window.__credenceWallet.pending[0];"
                    + " return {id: p.id, method: p.method, params: p.params};");
    return new WalletRequest(
        ((Number) request.get("id")).longValue(),
        (String) request.get("method"),
        (List<?>) request.get("params"));
  }

  /**
   * Approves the page's next signing request with {@code signer}'s key (which need not be the
   * account the page asked for: tests use this to forge a signature).
   */
  public WalletRequest approveSignature(TestWallets.Evm signer) {
    WalletRequest request = awaitWalletRequest();
    String signature =
        switch (request.method()) {
          case "personal_sign" -> signer.personalSign(request.text());
          case "eth_signTypedData_v4" -> signTypedData(signer.keys(), request.typedData());
          default -> throw new IllegalStateException("unexpected " + request.method());
        };
    driver.executeScript(
        "window.__credenceWallet.respond(arguments[0], arguments[1], null)",
        request.id(),
        signature);
    return request;
  }

  /** The user clicks "Reject" in the wallet. */
  public void rejectSignature() {
    WalletRequest request = awaitWalletRequest();
    driver.executeScript(
        "window.__credenceWallet.respond(arguments[0], null, 'User rejected the request.')",
        request.id());
  }

  /** EIP-712 signature as a wallet makes it for {@code eth_signTypedData_v4}. */
  public static String signTypedData(ECKeyPair keys, String typedDataJson) {
    try {
      byte[] digest = new StructuredDataEncoder(typedDataJson).hashStructuredData();
      Sign.SignatureData sig = Sign.signMessage(digest, keys, false);
      byte[] bytes = new byte[65];
      System.arraycopy(sig.getR(), 0, bytes, 0, 32);
      System.arraycopy(sig.getS(), 0, bytes, 32, 32);
      bytes[64] = sig.getV()[0];
      return "0x" + HexFormat.of().formatHex(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public String text(String css) {
    return find(css).getText();
  }

  public String source() {
    return driver.getPageSource();
  }

  public void waitFor(BooleanSupplier condition) {
    waitFor(Duration.ofSeconds(30), condition);
  }

  public void waitFor(Duration timeout, BooleanSupplier condition) {
    // A page that re-renders replaces the element a condition just found: ask again.
    new WebDriverWait(driver, timeout)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> condition.getAsBoolean());
  }

  /** A full-page PNG (the whole document, not just the viewport). */
  public Path screenshot(String label) {
    try {
      Path dir = SCREENSHOTS.resolve(journey);
      Files.createDirectories(dir);
      Object data =
          driver
              .executeCdpCommand(
                  "Page.captureScreenshot",
                  Map.of("format", "png", "captureBeyondViewport", true, "fromSurface", true))
              .get("data");
      Path file = dir.resolve(String.format(Locale.ROOT, "%02d-%s.png", ++shot, label));
      Files.write(file, Base64.getDecoder().decode((String) data));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs axe-core on the page: no serious or critical violation may be found. */
  public void assertAccessible(String label) {
    List<String> violations = axeViolations();
    assertThat(violations).as("serious/critical accessibility violations on " + label).isEmpty();
  }

  /** axe-core's serious and critical violations on the current page, one line each. */
  @SuppressWarnings("unchecked")
  public List<String> axeViolations() {
    if (axeSource == null) {
      try {
        axeSource = Files.readString(AXE);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "axe-core missing at " + AXE + ": the build installs it (npm ci in src/test/browser)",
            e);
      }
    }
    driver.executeScript(axeSource);
    List<Map<String, Object>> found =
        (List<Map<String, Object>>)
            driver.executeAsyncScript(
                """
                var done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(function (r) {
                    done(r.violations
                      .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                      .map(function (v) {
                        return { id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.map(function (n) { return n.target.join(' '); }).join(', ') };
                      }));
                  })
                  .catch(function (e) { done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: '' }]); });
                """);
    return found.stream()
        .map(
            v ->
                v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " @ " + v.get("nodes"))
        .toList();
  }
}
