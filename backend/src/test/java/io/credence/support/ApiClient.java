package io.credence.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A browser-like JSON client: keeps cookies and echoes the XSRF-TOKEN cookie as a header. */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String origin;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  public ApiClient(int port) {
    this.origin = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  public String origin() {
    return origin;
  }

  public record Response(int status, JsonNode body, String contentType, String raw) {
    public String problemType() {
      return body == null || body.get("type") == null ? null : body.get("type").asString();
    }
  }

  /** A fresh nonce from the server. */
  public String nonce() {
    return get("/api/v1/auth/nonce").body().get("nonce").asString();
  }

  /** Signs in with an EVM wallet the way a browser wallet does. */
  public Response signIn(TestWallets.Evm wallet) {
    String message = SiweText.evm(origin, wallet.address(), "1", nonce()).text();
    return post(
        "/api/v1/auth/siwe", Map.of("message", message, "signature", wallet.personalSign(message)));
  }

  /** Links an EVM wallet on the given chain to the signed-in profile. */
  public Response linkEvm(TestWallets.Evm wallet, String chainId) {
    String message = SiweText.evm(origin, wallet.address(), chainId, nonce()).text();
    return post(
        "/api/v1/wallets", Map.of("message", message, "signature", wallet.personalSign(message)));
  }

  /** Links a Solana wallet to the signed-in profile. */
  public Response linkSolana(TestWallets.Solana wallet) {
    String message = SiweText.solana(origin, wallet.address(), "mainnet", nonce()).text();
    return post(
        "/api/v1/wallets",
        Map.of("chain", "solana", "message", message, "signature", wallet.sign(message)));
  }

  /** A page request, as a browser sends it. */
  public Response page(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(origin + path)).header("Accept", "text/html").GET());
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(origin + path)).GET());
  }

  public Response post(String path, Object body) {
    return send(withCsrf(json(path, body).POST(HttpRequest.BodyPublishers.ofString(write(body)))));
  }

  public Response postWithoutCsrf(String path, Object body) {
    return send(json(path, body).POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  /** Sends the body without a Content-Length (chunked), as a streaming client would. */
  public Response postChunked(String path, byte[] body) {
    return send(
        withCsrf(
            HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body)))));
  }

  public Response postRaw(String path, String body) {
    return postRaw(path, body, "application/json");
  }

  public Response postRaw(String path, String body, String contentType) {
    return send(
        withCsrf(
            HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))));
  }

  public Response delete(String path) {
    return send(withCsrf(HttpRequest.newBuilder(URI.create(origin + path)).DELETE()));
  }

  /** Portal form post with the masked token the page rendered. */
  public Response postForm(String path, Map<String, String> fields) {
    StringBuilder form = new StringBuilder();
    fields.forEach(
        (k, v) ->
            form.append(form.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
    return send(
        HttpRequest.newBuilder(URI.create(origin + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
  }

  /** A cookie's value, or empty. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }

  /** A nonce fetched for an explicit purpose ({@code sign-in} or {@code link}). */
  public String nonce(String purpose) {
    return get("/api/v1/auth/nonce?purpose=" + purpose).body().get("nonce").asString();
  }

  public String csrfCookie() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }

  private HttpRequest.Builder json(String path, Object body) {
    return HttpRequest.newBuilder(URI.create(origin + path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json");
  }

  private HttpRequest.Builder withCsrf(HttpRequest.Builder builder) {
    if (csrfCookie().isEmpty()) {
      get("/api/v1/auth/nonce"); // any response sets the cookie
    }
    return builder.header("X-XSRF-TOKEN", csrfCookie());
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String type = response.headers().firstValue("Content-Type").orElse("");
      JsonNode body = null;
      if (type.contains("json") && !response.body().isEmpty()) {
        body = JSON.readTree(response.body());
      }
      return new Response(response.statusCode(), body, type, response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String write(Object body) {
    return body instanceof String s ? s : JSON.writeValueAsString(body);
  }
}
