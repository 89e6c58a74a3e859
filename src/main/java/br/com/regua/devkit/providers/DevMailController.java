package br.com.regua.devkit.providers;

import br.com.regua.devkit.engine.EmbeddedEngine;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The development mailbox's contents, optionally for one recipient. */
@RestController
@RequestMapping("/api/dev/mails")
// Same conditions as DevMailbox: conditions on scanned beans must not depend on scan order.
@ConditionalOnBean(EmbeddedEngine.class)
@Conditional(DevMailEnabled.class)
class DevMailController {

  private final DevMailbox mailbox;

  DevMailController(DevMailbox mailbox) {
    this.mailbox = mailbox;
  }

  @GetMapping
  List<DevMailbox.Mail> mails(@RequestParam(required = false) String to) {
    return mailbox.mails(to);
  }
}
