/** @odoo-module **/

import { registry } from "@web/core/registry";

// A focal point replies to a liaison request in the portal chatter (which
// Odoo renders in a shadow root: hence the :shadow selectors), then marks
// it answered: a reply alone does not stop the clock.
registry.category("web_tour.tours").add("excfp_portal_answer", {
    url: "/my/ssc/requests",
    steps: () => [
        {
            content: "Open the request",
            trigger: "a:contains(Studbook for the zoo)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Write the answer in the discussion",
            trigger: "#chatterRoot:shadow .o-mail-Composer-input",
            run: "edit The studbook data will reach you this week.",
        },
        {
            content: "Send it",
            trigger: "#chatterRoot:shadow .o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The reply is in the thread",
            trigger: "#chatterRoot:shadow .o-mail-Message-body:contains(will reach you this week)",
        },
        {
            content: "A reply is not yet the answer: mark it answered",
            trigger: "button.o_excfp_mark_answered",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Answered",
            trigger: ".o_excfp_answered_notice",
        },
    ],
});
