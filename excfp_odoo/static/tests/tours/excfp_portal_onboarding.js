/** @odoo-module **/

import { registry } from "@web/core/registry";

// A new focal point follows the link of the portal invitation, chooses a
// password, then does the first steps of the checklist on /my.
registry.category("web_tour.tours").add("excfp_portal_onboarding", {
    steps: () => [
        {
            content: "Choose a password",
            trigger: "input[name=password]",
            run: "edit Axolotl-Wetlands-2026",
        },
        {
            content: "Confirm it",
            trigger: "input[name=confirm_password]",
            run: "edit Axolotl-Wetlands-2026",
        },
        {
            content: "Accept the invitation",
            trigger: ".oe_signup_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The checklist shows on the portal home page",
            trigger: ".o_excfp_checklist a[href='/my/ssc/governance']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Say each listed document was read",
            trigger: "#excfp_ack_confirm",
            run: "click",
        },
        {
            content: "Acknowledge every outstanding document",
            trigger: "button.o_excfp_ack_all",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Recorded",
            trigger: ".alert-success:contains(acknowledgement is recorded)",
        },
        {
            content: "Back home",
            trigger: ".o_portal_submenu a[href='/my/home']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open the profile from the checklist",
            trigger: ".o_excfp_checklist a[href='/my/ssc/profile']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Organisation type",
            trigger: "select[name=exsitu_org_type]",
            run: "select zoo",
        },
        {
            content: "A first network, ticked",
            trigger: ".o_excfp_networks .form-check:nth-child(1) input[name=network_ids]",
            run: "click",
        },
        {
            content: "and a second",
            trigger: ".o_excfp_networks .form-check:nth-child(2) input[name=network_ids]",
            run: "click",
        },
        {
            content: "Experience",
            trigger: "textarea[name=exsitu_experience]",
            run: "edit Keeper of the axolotl breeding programme since 2010.",
        },
        {
            content: "Accept the CPSG invitation",
            trigger: "input[name=cpsg_answer][value=accept]",
            run: "click",
        },
        {
            content: "Training enrolled",
            trigger: "select[name=cpsg_training_state]",
            run: "select enrolled",
        },
        {
            content: "Save",
            trigger: "button.o_excfp_profile_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Saved",
            trigger: ".alert-success:contains(Your profile is saved)",
        },
    ],
});
