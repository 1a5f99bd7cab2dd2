/** @odoo-module **/

import { registry } from "@web/core/registry";

// A focal point answers a liaison request in the portal chatter (which
// Odoo renders in a shadow root: hence the :shadow selectors).
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
            content: "The answer is in the thread",
            trigger: "#chatterRoot:shadow .o-mail-Message-body:contains(will reach you this week)",
        },
    ],
});
