/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("excfp_activate_focal_point", {
    steps: () => [
        {
            content: "The group is waiting for its nominated focal point",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Nominated')",
        },
        {
            content: "Activate the nominated focal point from the roles list",
            trigger: ".o_field_widget[name=role_ids] .o_data_row:contains('Tomas Tour') button[name=action_activate]",
            run: "click",
        },
        {
            content: "The group is now covered",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Covered')",
        },
        {
            content: "The chatter shows the CPSG invitation",
            trigger: ".o-mail-Chatter .o-mail-Message:contains('CPSG invitation')",
        },
    ],
});
