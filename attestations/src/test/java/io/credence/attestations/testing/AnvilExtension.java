package io.credence.attestations.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * Starts a real Anvil node (from the {@code @foundry-rs/anvil-<os>-<arch>} npm package installed by
 * the build) on a free loopback port before the tests of a class and stops it after them.
 *
 * <p>Register it as a static field so each test class gets one chain, reused by all its tests:
 *
 * <pre>{@code
 * @RegisterExtension static final AnvilExtension anvil = AnvilExtension.withChainId(31337);
 * }</pre>
 *
 * <p>The binary is taken from the system property {@code credence.anvil} or the environment
 * variable {@code CREDENCE_ANVIL} when set, else from {@code node_modules}. Anvil's output goes to
 * {@code target/anvil-<chainId>-<port>.log}.
 */
public final class AnvilExtension implements BeforeAllCallback, AfterAllCallback {

  /**
   * Anvil's well-known development keys (mnemonic "test test ... junk"); public test data, never a
   * secret, funded with 10,000 ETH on every Anvil chain.
   */
  private static final List<String> DEV_KEYS =
      List.of(
          "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
          "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
          "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
          "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
          "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a");

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private final long chainId;
  private Process process;
  private String rpcUrl;
  private Web3j web3j;

  private AnvilExtension(long chainId) {
    this.chainId = chainId;
  }

  public static AnvilExtension withChainId(long chainId) {
    return new AnvilExtension(chainId);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    int port = freePort();
    Path log = Paths.get("target", "anvil-" + chainId + "-" + port + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(
        List.of(
            "--host", "127.0.0.1",
            "--port", Integer.toString(port),
            "--chain-id", Long.toString(chainId),
            "--accounts", Integer.toString(DEV_KEYS.size()),
            "--hardfork", "cancun"));
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    // If the test JVM is killed, do not leave Anvil running.
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    CompletableFuture<Void> listening = new CompletableFuture<>();
    Thread pump =
        new Thread(() -> pumpOutput(log, listening), "anvil-" + chainId + "-" + port + "-output");
    pump.setDaemon(true);
    pump.start();
    try {
      listening.get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      stop();
      throw new IllegalStateException("Anvil did not start within " + STARTUP_TIMEOUT, e);
    }
    rpcUrl = "http://127.0.0.1:" + port;
    web3j = Web3j.build(new HttpService(rpcUrl));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  private void stop() {
    if (web3j != null) {
      web3j.shutdown();
      web3j = null;
    }
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
      process = null;
    }
  }

  private void pumpOutput(Path log, CompletableFuture<Void> listening) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        out.println(line);
        out.flush();
        if (line.startsWith("Listening on")) {
          listening.complete(null);
        }
      }
      listening.completeExceptionally(
          new IllegalStateException("Anvil exited before listening; see " + log));
    } catch (IOException e) {
      listening.completeExceptionally(new UncheckedIOException(e));
    }
  }

  /** The JSON-RPC endpoint, e.g. {@code http://127.0.0.1:38111}. */
  public String rpcUrl() {
    return rpcUrl;
  }

  public Web3j web3j() {
    return web3j;
  }

  public long chainId() {
    return chainId;
  }

  /** One of Anvil's funded development accounts, {@code 0 <= index < 5}. */
  public Credentials account(int index) {
    return Credentials.create(DEV_KEYS.get(index));
  }

  /** Moves the chain clock forward; the next block is mined {@code seconds} later. */
  public void increaseTime(long seconds) throws IOException {
    rpc("evm_increaseTime", List.of(seconds));
    rpc("evm_mine", List.of());
  }

  private void rpc(String method, List<?> params) throws IOException {
    Response<?> response =
        new Request<>(method, params, new HttpService(rpcUrl), GenericResponse.class).send();
    if (response.hasError()) {
      throw new IOException(method + ": " + response.getError().getMessage());
    }
  }

  /** Raw JSON-RPC response type for Anvil's non-standard methods. */
  public static final class GenericResponse extends Response<Object> {}

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  static Path binary() {
    String configured = System.getProperty("credence.anvil", System.getenv("CREDENCE_ANVIL"));
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String platform =
        (os.contains("mac") ? "darwin" : os.contains("win") ? "win32" : "linux")
            + "-"
            + (arch.contains("aarch64") || arch.contains("arm64") ? "arm64" : "amd64");
    Path path =
        Paths.get(
            "node_modules",
            "@foundry-rs",
            "anvil-" + platform,
            "bin",
            platform.startsWith("win32") ? "anvil.exe" : "anvil");
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(
          "No Anvil binary at "
              + path.toAbsolutePath()
              + "; run the Maven build (it runs npm ci) or set CREDENCE_ANVIL");
    }
    return path;
  }
}
