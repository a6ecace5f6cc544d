package io.credence.demo.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Reports a demo chain that could not start as one line with what to do. */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class DemoFailureAnalyzer extends AbstractFailureAnalyzer<DemoStartException> {

  @Override
  protected FailureAnalysis analyze(Throwable root, DemoStartException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
