/** @odoo-module **/

import { registry } from "@web/core/registry";

// The secretariat opens every smart button of a form and comes back: each
// opens its list without an error. One tour per form, by the buttons' names.
function openAndComeBack(buttons) {
    return buttons.flatMap((name) => [
        {
            content: `Open ${name}`,
            trigger: `.o_form_view button.oe_stat_button[name=${name}]`,
            run: "click",
        },
        {
            content: `${name} opened its records`,
            trigger: ".o_action_manager .o_view_controller:not(.o_form_view) .o_control_panel",
        },
        {
            content: "Back to the form",
            trigger: ".o_breadcrumb ol.breadcrumb > li.breadcrumb-item:last-child a",
            run: "click",
        },
        {
            content: "The form again",
            trigger: ".o_form_view button.oe_stat_button",
        },
    ]);
}

const FORMS = {
    excfp_smart_buttons_group: [
        "action_view_roles",
        "action_view_liaisons",
        "action_view_exsitu_partners",
        "action_view_opportunities",
        "action_view_engagements",
    ],
    excfp_smart_buttons_partner: [
        "action_view_excfp_roles",
        "action_view_excfp_liaisons",
        "action_view_excfp_opportunities",
        "action_view_excfp_engagements",
    ],
    excfp_smart_buttons_opportunity: ["action_view_engagements"],
    excfp_smart_buttons_engagement: ["action_view_opportunities"],
    excfp_smart_buttons_audience: ["action_view_mailing_list"],
    excfp_smart_buttons_document: ["action_view_acknowledgements"],
};

for (const [name, buttons] of Object.entries(FORMS)) {
    registry.category("web_tour.tours").add(name, { steps: () => openAndComeBack(buttons) });
}
