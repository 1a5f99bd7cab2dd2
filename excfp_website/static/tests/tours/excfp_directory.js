/** @odoo-module **/

import { registry } from "@web/core/registry";

// A visitor finds the Amphibian group by searching "frog" and writes to it.
registry.category("web_tour.tours").add("excfp_directory_frog", {
    url: "/ssc/focal-points",
    steps: () => [
        {
            content: "Search for frogs",
            trigger: ".o_excfp_directory_search input[name=search]",
            run: "edit frog",
        },
        {
            content: "Search",
            trigger: ".o_excfp_directory_search button[type=submit]",
            run: "click",
        },
        {
            content: "Open the amphibian group",
            trigger: ".o_excfp_directory_group a:contains(Tour Amphibian Specialist Group)",
            run: "click",
        },
        {
            content: "The focal point can be written to",
            trigger: ".o_excfp_directory_group_page:contains(Tour Amphibian Specialist Group)",
        },
        {
            content: "Name",
            trigger: ".o_excfp_directory_form input[name=name]",
            run: "edit Zoe Keeper",
        },
        {
            content: "Email",
            trigger: ".o_excfp_directory_form input[name=email]",
            run: "edit zoe.keeper@zoo.example.org",
        },
        {
            content: "Organisation",
            trigger: ".o_excfp_directory_form input[name=organisation]",
            run: "edit Riverside Zoo",
        },
        {
            content: "A zoo",
            trigger: ".o_excfp_directory_form select[name=org_type]",
            run: "select zoo",
        },
        {
            content: "Subject",
            trigger: ".o_excfp_directory_form input[name=subject]",
            run: "edit Golden frog husbandry",
        },
        {
            content: "Message",
            trigger: ".o_excfp_directory_form textarea[name=message]",
            run: "edit We keep twelve golden frogs and would like advice on breeding them.",
        },
        {
            content: "Send",
            trigger: ".o_excfp_directory_form button.o_excfp_directory_send",
            run: "click",
        },
        {
            content: "Sent",
            trigger: ".o_excfp_directory_sent",
        },
    ],
});
