package io.sello.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The service's front door is the staff pages. */
@Controller
class HomeController {
    @GetMapping({"/", "/ui", "/ui/"})
    String home() {
        return "redirect:/ui/index.html";
    }
}
