// Activity admin: show only the place field the chosen kind needs (any for "other"), so that a
// phone screen stays short. A field that has a value stays visible so that it can be cleared.
"use strict";
{
    const PLACE_OF_KIND = {
        desa_binaan: "village",
        imigrasi_masuk_desa: "village",
        school_visit: "institution",
        campus_visit: "institution",
        reading_corner: "reading_corner",
    };
    const PLACES = ["village", "institution", "reading_corner"];

    function update() {
        const wanted = PLACE_OF_KIND[document.getElementById("id_kind").value];
        for (const place of PLACES) {
            const row = document.querySelector(".field-" + place);
            const select = document.getElementById("id_" + place);
            if (row && select) {
                const hide = Boolean(wanted) && wanted !== place && !select.value;
                row.style.display = hide ? "none" : "";
            }
        }
    }

    // select2 (the autocomplete fields) names neither its combobox nor its search boxes: name them by
    // the field's label. Runs after Django's autocomplete.js has set up select2 (a later jQuery ready).
    function labelAutocompletes() {
        for (const select of document.querySelectorAll("select.admin-autocomplete")) {
            const label = document.querySelector('label[for="' + select.id + '"]');
            const container = select.nextElementSibling;
            if (!label || !container || !container.classList.contains("select2")) {
                continue;
            }
            label.id = label.id || select.id + "_label";
            const rendered = container.querySelector(".select2-selection__rendered");
            const single = container.querySelector(".select2-selection--single");
            if (single && rendered) {
                rendered.removeAttribute("role");  // a "textbox" inside the combobox, without a name
                rendered.removeAttribute("aria-readonly");
                single.setAttribute("aria-labelledby", label.id + " " + rendered.id);
            }
            const inlineSearch = container.querySelector(".select2-search__field");
            if (inlineSearch) {
                inlineSearch.setAttribute("aria-labelledby", label.id);
            }
            django.jQuery(select).on("select2:open", () => {
                const search = document.querySelector(".select2-container--open .select2-search__field");
                if (search) {
                    search.setAttribute("aria-labelledby", label.id);
                }
                // ARIA 1.2: an expanded combobox names its list with aria-controls (select2 sets aria-owns).
                const combobox = container.querySelector("[aria-owns]");
                if (combobox) {
                    combobox.setAttribute("aria-controls", combobox.getAttribute("aria-owns"));
                }
            });
        }
    }

    document.addEventListener("DOMContentLoaded", () => {
        if (window.django && django.jQuery) {
            django.jQuery(labelAutocompletes);
        }
        const kind = document.getElementById("id_kind");
        if (!kind) {
            return;  // read-only view
        }
        kind.addEventListener("change", update);
        for (const place of PLACES) {
            const select = document.getElementById("id_" + place);
            if (select && window.django && django.jQuery) {
                django.jQuery(select).on("change", update);  // select2 reports changes through jQuery
            }
        }
        update();
    });
}
