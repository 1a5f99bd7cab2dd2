/** @odoo-module **/

import { registry } from "@web/core/registry";

// Every button of a collaboration's form, and dropping an opportunity with
// its reason.
function click(name, content) {
    return {
        content,
        trigger: `.o_form_view .o_form_statusbar button[name=${name}]:enabled`,
        run: "click",
    };
}

function statusIs(label) {
    return {
        content: `The status is ${label}`,
        trigger: `.o_statusbar_status button.o_arrow_button_current:contains(${label})`,
    };
}

registry.category("web_tour.tours").add("excfp_engagement_buttons", {
    steps: () => [
        click("action_add_to_calendar", "Add it to the calendar"),
        {
            content: "It is in the calendar",
            trigger: ".o_field_widget[name=calendar_event_id] a, .o_field_widget[name=calendar_event_id]:contains(workshop)",
        },
        click("action_done", "It took place"),
        statusIs("Done"),
        click("action_plan", "Planned again"),
        statusIs("Planned"),
        click("action_cancel", "Cancel it"),
        {
            content: "Cancelled",
            trigger: ".o_form_view .o_form_statusbar button[name=action_plan]",
        },
    ],
});

registry.category("web_tour.tours").add("excfp_opportunity_drop", {
    steps: () => [
        click("action_drop", "Drop the opportunity"),
        {
            content: "Say why",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit Found thriving in a second gorge.",
        },
        {
            content: "Drop it",
            trigger: ".modal button[name=action_drop]",
            run: "click",
        },
        statusIs("Dropped"),
    ],
});
