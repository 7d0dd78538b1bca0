package io.mooring.api.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard's front page: every service, searchable by name as registrywatcher's page is, with
 * its pin, auto-deploy switch and quarantine. htmx asks for the table alone as the search changes
 * and every few seconds after.
 */
@Controller
@Hidden
class ServicesPage {

  private final ServiceBoard board;

  ServicesPage(ServiceBoard board) {
    this.board = board;
  }

  @GetMapping("/")
  String services(@RequestParam(name = "q", required = false) String search,
      @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response, Model model) {
    ServiceBoard.Board services = board.all(search);
    model.addAttribute("rows", services.rows());
    model.addAttribute("engineAway", services.engineAway() ? DashboardSentences.ENGINE_AWAY : null);
    model.addAttribute("search", search == null ? "" : search);
    // The page and its table share an address: caches must keep them apart.
    response.addHeader("Vary", "HX-Request");
    return htmx != null ? "services :: table" : "services";
  }
}
