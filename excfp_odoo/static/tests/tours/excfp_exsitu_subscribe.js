/** @odoo-module **/

import { registry } from "@web/core/registry";

// A curator subscribes on the public page: the browser solves the form's
// proof of work before the form goes (excfp_form_proof.js).
registry.category("web_tour.tours").add("excfp_exsitu_subscribe", {
    steps: () => [
        {
            content: "Name",
            trigger: "input[name=name]",
            run: "edit Rita Reptile",
        },
        {
            content: "Email",
            trigger: "input[name=email]",
            run: "edit rita@reptile-park.example.org",
        },
        {
            content: "Organisation",
            trigger: "input[name=organisation]",
            run: "edit Reptile Park",
        },
        {
            content: "Consent",
            trigger: "input[name=consent]",
            run: "click",
        },
        {
            content: "Subscribe",
            trigger: ".o_excfp_subscribe_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Asked to check the inbox",
            trigger: ".o_excfp_subscribe_sent",
        },
    ],
});
