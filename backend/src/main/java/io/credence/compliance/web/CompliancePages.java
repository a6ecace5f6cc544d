package io.credence.compliance.web;

import io.credence.attestation.AttestationUid;
import io.credence.attestation.Attestations;
import io.credence.attestation.Reverification;
import io.credence.audit.AuditFilter;
import io.credence.audit.AuditIntegrity;
import io.credence.audit.AuditPage;
import io.credence.audit.AuditSearch;
import io.credence.compliance.internal.AuditEntryView;
import io.credence.platform.ApiProblemException;
import io.credence.platform.PortalController;
import io.credence.scoring.ScoringModels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compliance officer's pages (issue 16): the audit log with filters and paging, the chain and
 * anchor integrity, re-verification of any attestation from the table, the model registry, and the
 * CSV export of the filtered log (the REST export, linked with the same filters).
 */
@PortalController
class CompliancePages {

  static final int PAGE_SIZE = 25;

  private static final Pattern UID = Pattern.compile("0x[0-9a-fA-F]{64}");

  private final AuditSearch search;
  private final AuditIntegrity integrity;
  private final Attestations attestations;
  private final ScoringModels models;
  private final JsonMapper json;

  CompliancePages(
      AuditSearch search,
      AuditIntegrity integrity,
      Attestations attestations,
      ScoringModels models,
      JsonMapper json) {
    this.search = search;
    this.integrity = integrity;
    this.attestations = attestations;
    this.models = models;
    this.json = json;
  }

  /** One table row: the entry and the attestation it concerns, if any (for "Re-verify"). */
  record Row(AuditEntryView entry, String uid) {}

  @GetMapping("/compliance")
  String audit(
      AuditFilterParameters form, @RequestParam(defaultValue = "0") String page, Model model) {
    // Empty form fields mean "any".
    AuditFilterParameters filter =
        new AuditFilterParameters(
            blank(form.from()),
            blank(form.to()),
            blank(form.action()),
            blank(form.actor()),
            blank(form.uid()),
            blank(form.modelId()));
    model.addAttribute("filter", filter);
    model.addAttribute("integrity", integrity.check());
    Map<String, String> query = query(filter);
    model.addAttribute(
        "exportUrl", url("/api/v1/compliance/audit/export", query, Map.of("format", "csv")));
    try {
      AuditFilter f = filter.toFilter();
      int p = page(page);
      AuditPage found = search.search(f, p, PAGE_SIZE);
      model.addAttribute(
          "rows",
          found.entries().stream()
              .map(e -> AuditEntryView.of(e, json))
              .map(v -> new Row(v, uidOf(v).orElse(null)))
              .toList());
      model.addAttribute("page", found.page());
      model.addAttribute("total", found.total());
      long pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
      model.addAttribute("pages", pages);
      model.addAttribute(
          "prevUrl",
          p > 0 ? url("/compliance", query, Map.of("page", String.valueOf(p - 1))) : null);
      model.addAttribute(
          "nextUrl",
          p + 1 < pages ? url("/compliance", query, Map.of("page", String.valueOf(p + 1))) : null);
    } catch (ApiProblemException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("rows", List.of());
    }
    return "compliance";
  }

  @PostMapping("/compliance/reverify")
  String reverify(@RequestParam(required = false) String uid, Model model) {
    model.addAttribute("uid", uid);
    if (uid == null || !UID.matcher(uid).matches()) {
      model.addAttribute("error", "An attestation uid is 0x followed by 64 hex digits.");
      return "compliance-reverify";
    }
    Optional<Reverification> result = attestations.reverify(AttestationUid.parse(uid));
    if (result.isEmpty()) {
      model.addAttribute("error", "No attestation with this uid was issued here.");
    } else {
      model.addAttribute("result", result.get());
    }
    model.addAttribute("trailUrl", url("/compliance", Map.of("uid", uid), Map.of()));
    return "compliance-reverify";
  }

  @GetMapping("/compliance/models")
  String models(Model model) {
    model.addAttribute("models", models.models());
    return "compliance-models";
  }

  /** The attestation an entry concerns: its subject or its {@code uid} detail. */
  private static Optional<String> uidOf(AuditEntryView e) {
    if (e.subject() != null && e.subject().startsWith("attestation:")) {
      String uid = e.subject().substring("attestation:".length());
      if (UID.matcher(uid).matches()) {
        return Optional.of(uid);
      }
    }
    if (e.details() != null && e.details().has("uid")) {
      Matcher m = UID.matcher(e.details().get("uid").asString());
      if (m.matches()) {
        return Optional.of(m.group());
      }
    }
    return Optional.empty();
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static int page(String page) {
    try {
      return (int) Math.min(Math.max(0, Long.parseLong(page)), 1_000_000);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Map<String, String> query(AuditFilterParameters f) {
    Map<String, String> q = new LinkedHashMap<>();
    put(q, "from", f.from());
    put(q, "to", f.to());
    put(q, "action", f.action());
    put(q, "actor", f.actor());
    put(q, "uid", f.uid());
    put(q, "modelId", f.modelId());
    return q;
  }

  private static void put(Map<String, String> q, String name, String value) {
    if (value != null && !value.isBlank()) {
      q.put(name, value);
    }
  }

  private static String url(String path, Map<String, String> query, Map<String, String> extra) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
    query.forEach(b::queryParam);
    extra.forEach(b::queryParam);
    return b.encode().build().toUriString();
  }
}
