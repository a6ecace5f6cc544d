package io.credence.scoring.web;

import io.credence.borrower.BorrowerPrincipal;
import io.credence.platform.Problems;
import io.credence.scoring.DataUsed;
import io.credence.scoring.ScoreRun;
import io.credence.scoring.Scores;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/score}: scores the signed-in borrower now (every run is stored). */
@RestController
class ScoreController {

  private final Scores scores;

  ScoreController(Scores scores) {
    this.scores = scores;
  }

  record ScoreResponse(
      String scoreId,
      int score,
      String band,
      double probabilityOfDefault,
      List<ScoreRun.Reason> reasons,
      String modelId,
      Instant asOf,
      List<DataUsed.ChainAsOf> chains,
      List<String> wallets,
      Instant computedAt) {}

  @GetMapping("/api/v1/score")
  ResponseEntity<?> score(@AuthenticationPrincipal BorrowerPrincipal borrower) {
    ScoreRun run = scores.score(borrower.profileId());
    return switch (run) {
      case ScoreRun.Scored s ->
          ResponseEntity.ok(
              new ScoreResponse(
                  s.id().toString(),
                  s.score(),
                  s.band(),
                  s.probabilityOfDefault(),
                  s.reasons(),
                  s.modelId(),
                  s.dataUsed().asOf(),
                  s.dataUsed().chains(),
                  s.dataUsed().wallets(),
                  s.computedAt()));
      case ScoreRun.Insufficient i -> {
        ProblemDetail problem =
            Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "insufficient-history",
                "Not enough history to score",
                String.join("; ", i.missing()));
        problem.setProperty("missing", i.missing());
        problem.setProperty("scoreId", i.id().toString());
        problem.setProperty("modelId", i.modelId());
        problem.setProperty("chains", i.dataUsed().chains());
        problem.setProperty("wallets", i.dataUsed().wallets());
        yield ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem);
      }
    };
  }
}
