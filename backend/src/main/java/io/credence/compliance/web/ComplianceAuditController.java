package io.credence.compliance.web;

import io.credence.audit.AuditIntegrity;
import io.credence.audit.AuditPage;
import io.credence.audit.AuditSearch;
import io.credence.compliance.internal.AuditEntryView;
import io.credence.compliance.internal.AuditLogExport;
import io.credence.compliance.internal.ComplianceProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The compliance officer's view of the audit log: filter, page, verify, export. */
@RestController
@RequestMapping("/api/v1/compliance/audit")
class ComplianceAuditController {

  /** Largest page; larger requests get this many. */
  static final int MAX_PAGE_SIZE = 200;

  private static final int MAX_PAGE = 1_000_000;

  private final AuditSearch search;
  private final AuditIntegrity integrity;
  private final AuditLogExport export;
  private final JsonMapper json;

  ComplianceAuditController(
      AuditSearch search, AuditIntegrity integrity, AuditLogExport export, JsonMapper json) {
    this.search = search;
    this.integrity = integrity;
    this.export = export;
    this.json = json;
  }

  record Page(List<AuditEntryView> entries, int page, int size, long total) {}

  @GetMapping
  Page entries(
      AuditFilterParameters filter,
      @RequestParam(defaultValue = "0") String page,
      @RequestParam(defaultValue = "50") String size) {
    int p = number("page", page, 0, MAX_PAGE);
    int s = Math.min(number("size", size, 1, Integer.MAX_VALUE), MAX_PAGE_SIZE);
    AuditPage found = search.search(filter.toFilter(), p, s);
    return new Page(
        found.entries().stream().map(e -> AuditEntryView.of(e, json)).toList(),
        found.page(),
        found.size(),
        found.total());
  }

  /**
   * @param intact the chain is intact and no anchor contradicts it
   */
  record Integrity(
      Instant checkedAt, boolean intact, Chain chain, AuditIntegrity.Anchoring anchoring) {}

  /**
   * @param firstBrokenSeq the first entry whose link or hash does not match, or null
   */
  record Chain(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem) {}

  @GetMapping("/integrity")
  Integrity integrity() {
    AuditIntegrity.Report report = integrity.check();
    var chain = report.chain();
    return new Integrity(
        report.checkedAt(),
        report.intact(),
        new Chain(
            chain.intact(),
            chain.entriesChecked(),
            chain.firstBrokenSeq().isPresent() ? chain.firstBrokenSeq().getAsLong() : null,
            chain.problem()),
        report.anchoring());
  }

  /** The filtered log, oldest first, as {@code format=csv} (default) or {@code format=json}. */
  @GetMapping("/export")
  void export(
      AuditFilterParameters filter,
      @RequestParam(defaultValue = "csv") String format,
      HttpServletResponse response)
      throws IOException {
    var f = filter.toFilter();
    switch (format) {
      case "csv" -> {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"credence-audit.csv\"");
        export.csv(f, response.getOutputStream());
      }
      case "json" -> {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"credence-audit.json\"");
        export.json(f, response.getOutputStream());
      }
      default -> throw ComplianceProblem.invalidParameter("format", "csv or json");
    }
  }

  private static int number(String name, String value, int min, int max) {
    try {
      long v = Long.parseLong(value);
      if (v < min) {
        throw ComplianceProblem.invalidParameter(name, "at least " + min);
      }
      return (int) Math.min(v, max);
    } catch (NumberFormatException e) {
      throw ComplianceProblem.invalidParameter(name, "a whole number");
    }
  }
}
