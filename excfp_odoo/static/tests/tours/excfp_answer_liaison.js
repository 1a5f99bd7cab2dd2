/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("excfp_answer_liaison", {
    steps: () => [
        {
            content: "The request from the zoo is open",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('New')",
        },
        {
            content: "Answer from the chatter",
            trigger: ".o-mail-Chatter button:contains(Send message)",
            run: "click",
        },
        {
            content: "Write the answer",
            trigger: ".o-mail-Composer-input",
            run: "edit The studbook keeper will send the data this week.",
        },
        {
            content: "Send it",
            trigger: ".o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The answer is in the thread",
            trigger: ".o-mail-Message-body:contains('The studbook keeper will send the data')",
        },
    ],
});
