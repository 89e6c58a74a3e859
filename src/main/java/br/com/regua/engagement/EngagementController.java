package br.com.regua.engagement;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Events from the email provider and the self-service portal: 201 new, 200 the same again. */
@RestController
@RequestMapping("/api/events")
class EngagementController {

  private final EngagementService engagement;

  EngagementController(EngagementService engagement) {
    this.engagement = engagement;
  }

  @PostMapping("/email-opened")
  ResponseEntity<EngagementEvent> emailOpened(@RequestBody @Valid EmailOpenedRequest request) {
    return respond(engagement.emailOpened(request));
  }

  @PostMapping("/portal-visits")
  ResponseEntity<EngagementEvent> portalVisited(@RequestBody @Valid PortalVisitRequest request) {
    return respond(engagement.portalVisited(request));
  }

  private static ResponseEntity<EngagementEvent> respond(EngagementService.Outcome outcome) {
    return ResponseEntity.status(outcome.created() ? 201 : 200).body(outcome.event());
  }
}
