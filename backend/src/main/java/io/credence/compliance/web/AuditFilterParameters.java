package io.credence.compliance.web;

import io.credence.audit.AuditFilter;
import io.credence.compliance.internal.ComplianceProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The audit filter's query parameters, validated: a bad one is a {@code 400 invalid-request} that
 * names the parameter (never echoes its value).
 */
record AuditFilterParameters(
    String from, String to, String action, String actor, String uid, String modelId) {

  private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z_]{0,63}");
  private static final Pattern HEX32 = Pattern.compile("0x[0-9a-fA-F]{64}");
  private static final Pattern MODEL_ID = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

  AuditFilter toFilter() {
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (start != null && end != null && !start.isBefore(end)) {
      throw ComplianceProblem.invalidParameter("from", "before to");
    }
    if (action != null && !ACTION.matcher(action).matches()) {
      throw ComplianceProblem.invalidParameter("action", "an entry type such as SIGN_IN");
    }
    if (actor != null && (actor.isEmpty() || actor.length() > 128)) {
      throw ComplianceProblem.invalidParameter("actor", "1 to 128 characters");
    }
    if (uid != null && !HEX32.matcher(uid).matches()) {
      throw ComplianceProblem.invalidParameter("uid", "0x followed by 64 hex digits");
    }
    if (modelId != null && !MODEL_ID.matcher(modelId).matches()) {
      throw ComplianceProblem.invalidParameter("modelId", "64 hex digits (0x optional)");
    }
    return new AuditFilter(start, end, action, actor, uid, modelId);
  }

  private static Instant instant(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ComplianceProblem.invalidParameter(
          name, "an ISO-8601 UTC time such as 2026-12-01T00:00:00Z");
    }
  }
}
