package io.credence.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real Anvil node for backend tests: the {@code @foundry-rs/anvil-linux-amd64} binary that the
 * attestations build installs from the npm registry (or {@code -Dcredence.anvil} / {@code
 * CREDENCE_ANVIL}), on a free loopback port, output in {@code target/anvil-<port>.log}.
 */
public final class Anvil implements AutoCloseable {

  /** Anvil's first development key (mnemonic "test test ... junk"): public test data. */
  public static final String DEV_KEY_0 =
      "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  private final Process process;
  private final String rpcUrl;

  private Anvil(Process process, String rpcUrl) {
    this.process = process;
    this.rpcUrl = rpcUrl;
  }

  /** The binary, if installed. */
  public static Optional<Path> binary() {
    String configured = System.getProperty("credence.anvil", System.getenv("CREDENCE_ANVIL"));
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    for (Path root = Path.of("").toAbsolutePath(); root != null; root = root.getParent()) {
      Path candidate =
          root.resolve("attestations/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  public static Anvil start(long chainId) throws Exception {
    Path binary =
        binary()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Anvil not found: build the attestations module (npm ci) or set"
                            + " CREDENCE_ANVIL"));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = Path.of("target", "anvil-" + port + ".log");
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(
                List.of(
                    binary.toString(),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(port),
                    "--chain-id",
                    Long.toString(chainId),
                    "--accounts",
                    "2"))
            .redirectErrorStream(true)
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    CompletableFuture<Void> listening = new CompletableFuture<>();
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  PrintWriter out =
                      new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  out.println(line);
                  out.flush();
                  if (line.startsWith("Listening on")) {
                    listening.complete(null);
                  }
                }
                listening.completeExceptionally(new IllegalStateException("Anvil exited"));
              } catch (IOException e) {
                listening.completeExceptionally(new UncheckedIOException(e));
              }
            },
            "anvil-" + port);
    pump.setDaemon(true);
    pump.start();
    listening.get(60, TimeUnit.SECONDS);
    return new Anvil(process, "http://127.0.0.1:" + port);
  }

  public String rpcUrl() {
    return rpcUrl;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
