/** @odoo-module **/

import { registry } from "@web/core/registry";

// The secretariat runs a term's turnover from the term's form: prepare the
// proposals, decide two, remind the Chairs, see the coverage, apply.
function button(name, content) {
    return {
        content,
        trigger: `.o_form_view button[name=${name}]:visible:enabled`,
        run: "click",
    };
}

function backToTerm() {
    return {
        content: "Back to the term",
        trigger: ".o_breadcrumb .breadcrumb-item a:contains(Tour term)",
        run: "click",
    };
}

registry.category("web_tour.tours").add("excfp_turnover", {
    steps: () => [
        button("action_prepare_turnover", "Prepare the reappointments"),
        {
            content: "Prepare them for every group",
            trigger: ".modal button[name=action_prepare]",
            run: "click",
        },
        {
            content: "The proposals, by group",
            trigger: ".o_list_view .o_group_header:contains(Tour Turnover SG)",
        },
        backToTerm(),
        button("action_remind_chairs", "Remind the Chairs"),
        {
            content: "They are reminded",
            trigger: ".o_notification:contains(reminded)",
        },
        button("action_view_coverage", "See the next term's coverage"),
        {
            content: "The coverage of the next term",
            trigger: ".o_list_view .o_group_header",
        },
        backToTerm(),
        button("action_view_undecided_groups", "The groups still to decide"),
        {
            content: "The tour's group is one",
            trigger: ".o_list_view .o_data_row:contains(Tour Turnover SG)",
        },
        backToTerm(),
        button("action_view_reappointments", "Open the proposals"),
        {
            content: "Open the tour's group",
            trigger: ".o_list_view .o_group_header:contains(Tour Turnover SG)",
            run: "click",
        },
        {
            content: "Do not keep Tina",
            trigger: ".o_data_row:contains(Tina Tour) button[name=action_do_not_keep]",
            run: "click",
        },
        {
            content: "Keep Tomas",
            trigger: ".o_data_row:contains(Tomas Turn) button[name=action_keep]",
            run: "click",
        },
        {
            content: "Tomas is kept",
            trigger: ".o_data_row:contains(Tomas Turn):not(:has(button[name=action_keep]))",
        },
        backToTerm(),
        button("action_apply_turnover", "Apply the kept proposals"),
        {
            content: "Apply",
            trigger: ".modal button[name=action_apply]",
            run: "click",
        },
        {
            content: "Back on the proposals",
            trigger: ".o_list_view .o_group_header:contains(Tour Turnover SG)",
        },
    ],
});
