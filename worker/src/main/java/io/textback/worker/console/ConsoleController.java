package io.textback.worker.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console is static (static/console): the funnel, the weeks and the journeys, read from /api. */
@Controller
public class ConsoleController {
  @GetMapping({"/", "/console", "/console/"})
  public String console() {
    return "forward:/console/index.html";
  }
}
