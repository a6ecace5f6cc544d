package io.credence.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unreachable external database into one plain line instead of a stack trace. */
class DatabaseUnreachableFailureAnalyzer
    extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Check spring.datasource.url, the credentials and that PostgreSQL at "
            + cause.target()
            + " accepts connections, or remove spring.datasource.url to use the embedded database.",
        cause);
  }
}
