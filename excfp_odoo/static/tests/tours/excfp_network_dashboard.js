/** @odoo-module **/

import { registry } from "@web/core/registry";

// The Network dashboard: a figure opens the records it counts.
function panel(title) {
    return `.o-dashboard-action:has(.o-dashboard-action-header:contains(${title}))`;
}

const requests = panel("Requests received and sent, by type");
const groups = panel("Groups without a focal point");

registry.category("web_tour.tours").add("excfp_network_dashboard", {
    steps: () => [
        {
            content: "The coverage of every term is drawn",
            trigger: `${panel("Coverage by term")} .o_graph_renderer canvas`,
        },
        {
            content: "Every panel is loaded, the last one too",
            trigger: `${panel("Collaborations by quarter and type")} .o_graph_view`,
        },
        {
            content: "Open the inbound information requests from their cell",
            trigger: `${requests} tr:has(th:contains(Information)) td.o_pivot_cell_value:first`,
            run: "click",
        },
        {
            content: "They are listed",
            trigger: ".o_list_view .o_data_row:contains(Tour dashboard request)",
        },
        {
            content: "The outbound request is not among them",
            trigger: ".o_list_view:not(:has(.o_data_row:contains(Tour dashboard outbound)))",
        },
        {
            content: "Back to the dashboard",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(Network)",
            run: "click",
        },
        {
            content: "Open a vacant group from the groups to look after",
            trigger: `${groups} .o_data_row:contains(Tour Vacant SG) td.o_data_cell`,
            run: "click",
        },
        {
            content: "Its form opens",
            trigger: ".o_form_view .o_field_widget[name=code] input:value(TVSG)",
        },
    ],
});
