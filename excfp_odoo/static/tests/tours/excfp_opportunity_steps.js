/** @odoo-module **/

import { registry } from "@web/core/registry";

// The secretariat takes an opportunity through the Guidelines' five steps:
// a drag in the kanban is stopped by what is missing, the form fills it in,
// and the decision is recorded.
function writeNotes(field, text) {
    return {
        content: `Write the ${field}`,
        trigger: `.o_field_html[name=${field}] .odoo-editor-editable :is(p, div.o-paragraph)`,
        run: `editor ${text}`,
    };
}

function openPage(title) {
    return {
        content: `Open the page ${title}`,
        trigger: `.o_notebook .nav-link:contains(${title})`,
        run: "click",
    };
}

function moveTo(stage) {
    return [
        {
            content: `Move to ${stage}`,
            trigger: `.o_statusbar_status button:contains(${stage})`,
            run: "click",
        },
        {
            content: `Now at ${stage}`,
            trigger: `.o_statusbar_status button.o_arrow_button_current:contains(${stage})`,
        },
    ];
}

registry.category("web_tour.tours").add("excfp_opportunity_steps", {
    steps: () => [
        {
            content: "Drag the new opportunity to the second step",
            trigger: ".o_kanban_record:contains(Tour toad insurance)",
            run: "drag_and_drop(.o_kanban_group:eq(1))",
        },
        {
            content: "Stopped: the status review and the species are missing",
            trigger: ".modal:contains(the status review (step 1)):contains(the species (step 1))",
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The card stayed at the status review",
            trigger: ".o_kanban_group:eq(0) .o_kanban_record:contains(Tour toad insurance)",
        },
        {
            content: "Open it",
            trigger: ".o_kanban_record:contains(Tour toad insurance)",
            run: "click",
        },
        {
            content: "Give the species",
            trigger: ".o_field_widget[name=species_name] input",
            run: "edit Nectophrynoides asperginis",
        },
        writeNotes("status_review_notes", "Extinct in the wild since 2009."),
        ...moveTo("Ex situ Roles"),
        openPage("2. Ex situ Roles"),
        {
            content: "Consider an insurance population",
            trigger: ".o_field_widget[name=exsitu_role_ids] input",
            run: "edit Insurance",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains(Insurance population)",
            run: "click",
        },
        ...moveTo("Ex situ Population"),
        openPage("3. Ex situ Population"),
        writeNotes("population_notes", "Two hundred founders in two zoos."),
        ...moveTo("Feasibility and Risks"),
        openPage("4. Feasibility and Risks"),
        writeNotes("feasibility_notes", "Both zoos breed the species already."),
        ...moveTo("Decision"),
        openPage("5. Decision"),
        {
            content: "Decide to include ex situ management",
            trigger: ".o_field_widget[name=decision] select",
            run: 'select "include"',
        },
        {
            content: "Choose the role",
            trigger: ".o_field_widget[name=chosen_role_ids] input",
            run: "edit Insurance",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains(Insurance population)",
            run: "click",
        },
        writeNotes("decision_rationale", "Agreed at the 2026 workshop."),
        ...moveTo("Decided"),
        {
            content: "Back to the kanban",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(Opportunities)",
            run: "click",
        },
        {
            content: "Decided, the card left the open steps",
            trigger: ".o_kanban_view:not(:has(.o_kanban_record:contains(Tour toad insurance)))",
        },
    ],
});
