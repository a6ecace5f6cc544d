package io.credence.platform.internal.database;

import java.nio.file.Path;

/** Another live Credence process uses this data folder; the running one must be left alone. */
public final class InstanceAlreadyRunningException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path dataRoot;

  InstanceAlreadyRunningException(Path dataRoot, String owner) {
    super(
        "Credence is already running with the data folder "
            + dataRoot
            + (owner.isEmpty() ? "" : " (" + owner + ")")
            + ".");
    this.dataRoot = dataRoot;
  }

  Path dataRoot() {
    return dataRoot;
  }
}
