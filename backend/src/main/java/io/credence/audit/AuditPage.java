package io.credence.audit;

import java.util.List;

/**
 * One page of audit entries, newest first.
 *
 * @param page 0-based page number
 * @param size the page size asked for
 * @param total how many entries match the filter
 */
public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {
  public AuditPage {
    entries = List.copyOf(entries);
  }
}
