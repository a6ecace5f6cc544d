package io.credence.platform.internal.startup;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a failed start as one line: what is wrong, then what to do. The stack trace is logged
 * only at DEBUG ({@code --debug} or {@code logging.level.io.credence.startup=debug}). Spring Boot's
 * own multi-line report is switched off in {@code application.yml}.
 */
public final class StartupFailureReporter implements FailureAnalysisReporter {

  static final Logger LOG = LoggerFactory.getLogger("io.credence.startup");
  private static final AtomicBoolean REPORTED = new AtomicBoolean();

  @Override
  public void report(FailureAnalysis analysis) {
    REPORTED.set(true);
    LOG.error(
        "Credence could not start: {}", oneLine(analysis.getDescription(), analysis.getAction()));
    LOG.debug("Start-up failure", analysis.getCause());
  }

  /**
   * For a failure no analyzer explained: the innermost cause's message, on one line.
   *
   * @return true if this call reported it, false if an analysis was already reported
   */
  public static boolean reportUnexplained(Throwable failure) {
    if (REPORTED.getAndSet(true)) {
      return false;
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String what = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    LOG.error(
        "Credence could not start: {}",
        oneLine(what, "Run again with --debug to see where it failed."));
    LOG.debug("Start-up failure", failure);
    return true;
  }

  static String oneLine(String description, String action) {
    String text = (description == null ? "" : description.strip());
    if (action != null && !action.isBlank()) {
      text += (text.endsWith(".") ? " " : ". ") + action.strip();
    }
    return text.replaceAll("\\s*\\R\\s*", " ").replaceAll("\\s{2,}", " ");
  }
}
