package io.credence.demo.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Anvil node started by this process. With a state file it loads the chain from it, writes it
 * every few seconds and on exit ({@code --state}, {@code --state-interval}), and keeps past blocks'
 * states in it ({@code --preserve-historical-states}) so prices and nonces at old blocks still read
 * after a restart. Its pid is kept beside the state so an orphan left by a killed server is found
 * and stopped at the next start.
 */
public final class AnvilProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("Listening on ([0-9.]+):(\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final long chainId;
  private final Process process;
  private final String rpcUrl;
  private final Path pidFile;

  private AnvilProcess(long chainId, Process process, String rpcUrl, Path pidFile) {
    this.chainId = chainId;
    this.process = process;
    this.rpcUrl = rpcUrl;
    this.pidFile = pidFile;
  }

  /**
   * Starts a node and waits until it listens.
   *
   * @param port the port, or 0 for any free one
   * @param stateFile where the chain is kept, or null for a chain that lives only in memory
   * @param genesis the genesis block's time for a new chain (so seeded history can lie in the past)
   * @param log the node's output
   * @throws DemoStartException if the node does not start (port taken, binary unusable ...)
   */
  public static AnvilProcess start(
      Path binary, long chainId, int port, Path stateFile, Instant genesis, Path log) {
    Path pidFile = stateFile == null ? null : stateFile.resolveSibling("anvil-" + chainId + ".pid");
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      if (pidFile != null) {
        stopOrphan(pidFile, stateFile);
      }
      List<String> command = new ArrayList<>();
      command.addAll(
          List.of(
              binary.toString(),
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(port),
              "--chain-id",
              Long.toString(chainId),
              "--accounts",
              "10",
              "--hardfork",
              "cancun"));
      if (stateFile == null || !Files.exists(stateFile)) {
        command.addAll(List.of("--timestamp", Long.toString(genesis.getEpochSecond())));
      }
      if (stateFile != null) {
        command.addAll(
            List.of(
                "--state",
                stateFile.toString(),
                "--state-interval",
                "5",
                "--preserve-historical-states"));
      }
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "anvil-stop-" + chainId));
      CompletableFuture<Integer> listening = new CompletableFuture<>();
      Thread pump = new Thread(() -> pump(process, log, listening), "anvil-" + chainId);
      pump.setDaemon(true);
      pump.start();
      int actualPort;
      try {
        actualPort = listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        process.destroyForcibly();
        throw new DemoStartException(
            "The demo chain "
                + chainId
                + " (Anvil"
                + (port == 0 ? "" : " on port " + port)
                + ") did not start; its output is in "
                + log.toAbsolutePath(),
            port == 0
                ? "Check that Anvil runs on this machine, or set credence.demo.enabled=false."
                : "If the port is taken, set credence.demo.first-port to a free one (0 = any),"
                    + " or set credence.demo.enabled=false.",
            e);
      }
      if (pidFile != null) {
        Files.writeString(pidFile, Long.toString(process.pid()));
      }
      return new AnvilProcess(chainId, process, "http://127.0.0.1:" + actualPort, pidFile);
    } catch (IOException e) {
      throw new DemoStartException(
          "The demo chain "
              + chainId
              + " could not start Anvil ("
              + binary
              + "): "
              + e.getMessage(),
          "Set credence.demo.anvil-binary to an Anvil binary, or credence.demo.enabled=false.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoStartException("Interrupted while starting the demo chains", null, e);
    }
  }

  private static void pump(Process process, Path log, CompletableFuture<Integer> listening) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out =
            new PrintWriter(
                Files.newBufferedWriter(
                    log,
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND))) {
      String line;
      while ((line = in.readLine()) != null) {
        out.println(line);
        out.flush();
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          listening.complete(Integer.parseInt(m.group(2)));
        }
      }
      listening.completeExceptionally(new IllegalStateException("anvil exited"));
    } catch (IOException e) {
      listening.completeExceptionally(e);
    }
  }

  /**
   * A server killed without a chance to stop its nodes leaves them running on their ports. Such a
   * node is ours when its command line names our state file; only then is it stopped.
   */
  private static void stopOrphan(Path pidFile, Path stateFile)
      throws IOException, InterruptedException {
    if (!Files.exists(pidFile)) {
      return;
    }
    String text = Files.readString(pidFile).strip();
    Files.delete(pidFile);
    long pid;
    try {
      pid = Long.parseLong(text);
    } catch (NumberFormatException garbled) {
      return;
    }
    Optional<ProcessHandle> orphan =
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .filter(
                p ->
                    p.info()
                        .arguments()
                        .map(args -> List.of(args).contains(stateFile.toString()))
                        .orElse(false));
    if (orphan.isPresent()) {
      orphan.get().destroy();
      try {
        orphan.get().onExit().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException stillThere) {
        // the new node's start then reports the port as taken
      }
    }
  }

  public long chainId() {
    return chainId;
  }

  public String rpcUrl() {
    return rpcUrl;
  }

  /** Stops the node (it writes its state on the way out) and waits for it. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (pidFile != null) {
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException ignored) {
        // a stale pid file is checked against the state path before anything is stopped
      }
    }
  }
}
