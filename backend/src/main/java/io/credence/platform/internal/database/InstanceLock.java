package io.credence.platform.internal.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One running Credence per data folder. The lock is an OS file lock on {@code credence.lock}: the
 * kernel releases it when its process dies however it dies, so a stale lock from a killed process
 * never blocks a start, while a live owner always does. The file names the owner for the message.
 */
final class InstanceLock implements AutoCloseable {

  static final String FILE = "credence.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private InstanceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the data folder's lock.
   *
   * @throws InstanceAlreadyRunningException if a live process holds it
   * @throws IOException if the folder cannot hold a lock file
   */
  static InstanceLock acquire(Path dataRoot) throws IOException {
    Path file = dataRoot.resolve(FILE);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException sameJvm) {
      lock = null;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      String owner = Files.readString(file, StandardCharsets.UTF_8).trim();
      channel.close();
      throw new InstanceAlreadyRunningException(dataRoot, owner);
    }
    channel.truncate(0);
    String me = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now();
    channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(true);
    return new InstanceLock(channel, lock);
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the process is going away; the kernel drops the lock with it
    }
  }
}
