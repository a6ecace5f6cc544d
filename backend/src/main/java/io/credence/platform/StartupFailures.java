package io.credence.platform;

import io.credence.platform.internal.startup.StartupFailureReporter;

/** How the launcher reports a start that failed: one line, never a stack trace (unless debug). */
public final class StartupFailures {

  private StartupFailures() {}

  /**
   * Reports a failure that no failure analyzer explained, as one line; does nothing if an analyzer
   * already reported it.
   */
  public static void report(Throwable failure) {
    StartupFailureReporter.reportUnexplained(failure);
  }
}
