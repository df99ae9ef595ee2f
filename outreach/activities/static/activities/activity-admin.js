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

    document.addEventListener("DOMContentLoaded", () => {
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
