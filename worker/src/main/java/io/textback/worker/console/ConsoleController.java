package io.textback.worker.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console is static (static/console): the inbox, the reports and the journeys, read from /api.
 * Its pages have addresses of their own (an escalation text links to a thread), each the same page.
 */
@Controller
public class ConsoleController {
  @GetMapping({"/", "/console", "/console/", "/console/inbox", "/console/inbox/{conversationId}", "/console/reports"})
  public String console() {
    return "forward:/console/index.html";
  }
}
