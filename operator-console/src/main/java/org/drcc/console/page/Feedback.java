package org.drcc.console.page;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/**
 * What an action answers when the service did it: the message for the page's alert region, and
 * {@code HX-Trigger: refresh}, on which a page re-reads its live part. (A refusal is answered by {@code PageAdvice}.)
 * The incident room re-reads on any answer swapped into its alert region instead: its buttons live in the part it
 * re-reads, and an event dispatched on a button an earlier re-read removed reaches nobody.
 */
public final class Feedback {

    private Feedback() {
    }

    public static String done(HttpServletResponse response, Model model, String message) {
        response.setHeader("HX-Trigger", "refresh");
        model.addAttribute("message", message);
        return "fragments :: done";
    }
}
