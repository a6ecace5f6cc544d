package io.credence.borrower.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiClient;
import io.credence.support.TestWallets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The server-rendered portal: public pages, the sign-in redirect, and the wallets page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalIT {

  @LocalServerPort int port;

  @Test
  void publicPagesRenderWithTheStylesheet() {
    ApiClient browser = new ApiClient(port);
    ApiClient.Response home = browser.get("/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.raw()).contains("Sign in with your wallet").contains("/css/credence.css");
    ApiClient.Response signIn = browser.get("/sign-in");
    assertThat(signIn.status()).isEqualTo(200);
    assertThat(signIn.raw()).contains("id=\"sign-in-evm\"").contains("/js/wallet-signing.js");
    assertThat(browser.get("/css/credence.css").raw()).contains("--accent");
  }

  @Test
  void unknownPageGetsTheFriendlyErrorPage() {
    ApiClient browser = new ApiClient(port);
    // Deny by default: anonymous visitors are sent to sign in before anything else.
    assertThat(browser.get("/no-such-page").status()).isEqualTo(302);
    assertThat(browser.signIn(TestWallets.Evm.random()).status()).isEqualTo(200);
    ApiClient.Response missing = browser.page("/no-such-page");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.raw()).contains("Page not found").doesNotContain("Whitelabel");
  }

  @Test
  void unmappedApiRequestsGetProblemsNotErrorPages() {
    ApiClient client = new ApiClient(port);
    assertThat(client.signIn(TestWallets.Evm.random()).status()).isEqualTo(200);
    ApiClient.Response missing = client.get("/api/v1/no-such-endpoint");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.problemType()).isEqualTo("urn:credence:problem:not-found");
    ApiClient.Response wrongMethod = client.delete("/api/v1/wallets");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.problemType()).isEqualTo("urn:credence:problem:method-not-allowed");
    ApiClient.Response wrongType = client.postRaw("/api/v1/auth/siwe", "message=x", "text/plain");
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(wrongType.problemType()).isEqualTo("urn:credence:problem:unsupported-media-type");
  }

  @Test
  void openApiDocumentIsGeneratedFromTheCode() {
    ApiClient.Response api = new ApiClient(port).get("/v3/api-docs");
    assertThat(api.status()).isEqualTo(200);
    assertThat(api.body().get("paths").has("/api/v1/wallets")).isTrue();
    assertThat(api.body().get("paths").has("/api/v1/auth/siwe")).isTrue();
  }

  @Test
  void walletsPageNeedsASignedInBorrower() {
    ApiClient.Response response = new ApiClient(port).get("/wallets");
    // java.net.http does not follow redirects by default: the portal sends visitors to sign in.
    assertThat(response.status()).isEqualTo(302);
  }

  @Test
  void walletsPageListsLinkedWalletsAndUnlinksWithAPlainForm() {
    ApiClient browser = new ApiClient(port);
    TestWallets.Evm first = TestWallets.Evm.random();
    TestWallets.Evm second = TestWallets.Evm.random();
    assertThat(browser.signIn(first).status()).isEqualTo(200);
    String linkId = browser.linkEvm(second, "8453").body().get("id").asString();

    ApiClient.Response page = browser.get("/wallets");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw())
        .contains("Ethereum")
        .contains("Base")
        .contains(first.address().toLowerCase())
        .contains(second.address().toLowerCase());

    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.raw());
    assertThat(csrf.find()).isTrue();
    ApiClient.Response unlink =
        browser.postForm("/wallets/" + linkId + "/unlink", Map.of("_csrf", csrf.group(1)));
    assertThat(unlink.status()).isEqualTo(302);
    assertThat(browser.get("/wallets").raw()).doesNotContain(second.address().toLowerCase());
  }

  @Test
  void nonceEndpointPreparesTheExactMessageForTheBrowser() {
    ApiClient browser = new ApiClient(port);
    String lower = "0x52908400098527886e0f7030069857d2e4169ee7";
    ApiClient.Response prepared =
        browser.get("/api/v1/auth/nonce?chain=evm&address=" + lower + "&chainId=1");
    assertThat(prepared.status()).isEqualTo(200);
    String message = prepared.body().get("message").asString();
    assertThat(message)
        .startsWith("localhost:" + port + " wants you to sign in with your Ethereum account:\n")
        .contains("0x52908400098527886E0F7030069857D2E4169EE7")
        .contains("Nonce: " + prepared.body().get("nonce").asString());
    ApiClient.Response bad = browser.get("/api/v1/auth/nonce?chain=evm&address=0x123&chainId=1");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.problemType()).isEqualTo("urn:credence:problem:malformed-sign-in-message");
  }
}
