package io.credence.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A JSON-RPC pass-through in front of a real node that can fail on demand: the whole node down
 * (HTTP 503), or an error answer for {@code eth_getTransactionReceipt} only. Test support.
 */
public final class RpcFaultProxy implements AutoCloseable {

  /** What the proxy does. */
  public enum Mode {
    PASS,
    DOWN,
    RECEIPT_ERROR
  }

  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private volatile Mode mode = Mode.PASS;

  public RpcFaultProxy(String upstream) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody();
              OutputStream out = exchange.getResponseBody()) {
            byte[] body = in.readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            Mode now = mode;
            if (now == Mode.DOWN) {
              exchange.sendResponseHeaders(503, -1);
              return;
            }
            if (now == Mode.RECEIPT_ERROR && text.contains("eth_getTransactionReceipt")) {
              String id = text.replaceAll("(?s).*\"id\"\\s*:\\s*(\\d+).*", "$1");
              byte[] error =
                  ("{\"jsonrpc\":\"2.0\",\"id\":"
                          + (id.matches("\\d+") ? id : "1")
                          + ",\"error\":{\"code\":-32000,\"message\":\"receipt lookup failed\"}}")
                      .getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().add("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, error.length);
              out.write(error);
              return;
            }
            HttpResponse<byte[]> answer =
                http.send(
                    HttpRequest.newBuilder(URI.create(upstream))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
            out.write(answer.body());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
          }
        });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void mode(Mode mode) {
    this.mode = mode;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
