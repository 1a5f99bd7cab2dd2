/** @odoo-module **/

import { registry } from "@web/core/registry";

// A focal point writes the current step's notes of their group's
// opportunity on the portal.
registry.category("web_tour.tours").add("excfp_portal_opportunity", {
    url: "/my/ssc/opportunities",
    steps: () => [
        {
            content: "Open the opportunity",
            trigger: "a:contains(Axolotl insurance colony)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Write the status review",
            trigger: "form.o_excfp_notes_form textarea[name=notes]",
            run: "edit About 50 adults are left in Xochimilco.",
        },
        {
            content: "Save the notes",
            trigger: "button.o_excfp_notes_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Saved",
            trigger: ".o_excfp_notes_saved",
        },
    ],
});
