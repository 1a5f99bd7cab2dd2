/** @odoo-module **/

import { registry } from "@web/core/registry";

// A Chair keeps all the members of their group but one, from the portal.
registry.category("web_tour.tours").add("excfp_portal_reappointments", {
    steps: () => [
        {
            content: "Open the reappointments from the portal's home",
            trigger: "a[href='/my/ssc/reappointments']",
            run: "click",
        },
        {
            content: "Do not keep Mona",
            trigger: "tr.o_excfp_reappointment:contains(Mona Member) button.o_excfp_drop",
            run: "click",
        },
        {
            content: "Mona is not kept",
            trigger: "tr.o_excfp_reappointment_declined:contains(Mona Member)",
        },
        {
            content: "Keep all the others",
            trigger: ".o_excfp_reappointment_group:contains(Axolotl Portal SG) button.o_excfp_keep_all",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_excfp_reappointments_saved",
        },
        {
            content: "The focal point is kept",
            trigger: "tr.o_excfp_reappointment_confirmed:contains(Paula Focal):contains(Ex situ Focal Point)",
        },
        {
            content: "Mona still is not",
            trigger: "tr.o_excfp_reappointment_declined:contains(Mona Member)",
        },
    ],
});
