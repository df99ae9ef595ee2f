// The officer's field app (/petugas/). Without this file the pages are plain online forms. With it:
// entries go into a queue on the phone (IndexedDB) with their photos resized, are listed as waiting,
// can be corrected, and are sent oldest first whenever there is a connection. Each entry carries an
// id made here, so a retry after a lost answer never creates a second activity on the server.
// Every text shown comes translated from the page (#field-text); no inline script is needed.
"use strict";
(() => {
    const body = document.body;
    const urls = body.dataset;
    const text = (document.getElementById("field-text") || body).dataset;
    const DB_NAME = "field-app";
    const STORE = "entries";
    const RETRY_MS = 30000;
    const PLACE_OF_KIND = {
        desa_binaan: "village",
        imigrasi_masuk_desa: "village",
        school_visit: "institution",
        campus_visit: "institution",
        reading_corner: "reading_corner",
    };
    const hasQueue = "indexedDB" in window && "createImageBitmap" in window;

    // --- the queue (IndexedDB) --------------------------------------------------------------------

    function promised(request) {
        return new Promise((resolve, reject) => {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
        });
    }

    let database = null;

    async function store(mode) {
        if (!database) {
            const opening = indexedDB.open(DB_NAME, 1);
            opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: "id" });
            database = await promised(opening);
        }
        return database.transaction(STORE, mode).objectStore(STORE);
    }

    async function allEntries() {
        const entries = await promised((await store("readonly")).getAll());
        return entries.sort((a, b) => a.createdAt - b.createdAt);
    }

    const getEntry = async (id) => promised((await store("readonly")).get(id));
    const putEntry = async (entry) => promised((await store("readwrite")).put(entry));
    const deleteEntry = async (id) => promised((await store("readwrite")).delete(id));
    const clearEntries = async () => promised((await store("readwrite")).clear());

    // --- connection, session ----------------------------------------------------------------------

    function csrfToken() {
        const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
        return match ? decodeURIComponent(match[1]) : "";
    }

    function showConnection() {
        const note = document.getElementById("connection-status");
        if (note) {
            note.hidden = navigator.onLine;
        }
    }

    function askToLogIn() {
        const note = document.getElementById("login-again");
        if (note) {
            note.hidden = false;
        }
    }

    function setStatus(message) {
        const status = document.getElementById("sync-status");
        if (status) {
            status.textContent = message;
        }
    }

    // --- sending ----------------------------------------------------------------------------------

    function asFormData(entry) {
        const data = new FormData();
        data.append("client_id", entry.id);
        for (const [name, value] of entry.fields) {
            data.append(name, value);
        }
        data.append("photos-TOTAL_FORMS", String(entry.photos.length));
        data.append("photos-INITIAL_FORMS", "0");
        data.append("photos-MIN_NUM_FORMS", "0");
        data.append("photos-MAX_NUM_FORMS", "1000");
        entry.photos.forEach((photo, index) => {
            data.append(`photos-${index}-image`, photo.blob, `photo-${index + 1}.jpg`);
            data.append(`photos-${index}-caption`, photo.caption);
            if (photo.consent) {
                data.append(`photos-${index}-consent_to_publish`, "on");
            }
        });
        return data;
    }

    let sending = false;

    async function sendQueue() {
        if (!hasQueue || sending || !navigator.onLine) {
            return;
        }
        sending = true;
        try {
            for (const entry of await allEntries()) {
                if (entry.status === "refused") {
                    continue;
                }
                setStatus(text.sending);
                let response;
                try {
                    response = await fetch(urls.syncUrl, {
                        method: "POST",
                        body: asFormData(entry),
                        headers: { "X-CSRFToken": csrfToken() },
                        credentials: "same-origin",
                    });
                } catch (error) {
                    setStatus("");
                    break; // no connection, or the answer was lost: the entry waits for the next try
                }
                const isJson = (response.headers.get("Content-Type") || "").includes("application/json");
                const answer = isJson ? await response.json().catch(() => null) : null;
                if (response.ok && answer) {
                    await deleteEntry(entry.id);
                    setStatus(text.sent.replace("{title}", answer.activity.title));
                } else if (response.status === 401 || (response.status === 403 && !answer) || response.redirected) {
                    askToLogIn(); // expired session or security token: the queue stays
                    setStatus("");
                    break;
                } else if (answer && (response.status === 400 || response.status === 403)) {
                    entry.status = "refused";
                    entry.message = answer.message || "";
                    entry.errors = answer.errors || {};
                    entry.photoErrors = answer.photo_errors || [];
                    entry.photoFormErrors = answer.photo_form_errors || [];
                    await putEntry(entry);
                    setStatus("");
                } else {
                    setStatus("");
                    break; // the server is in trouble: try again later
                }
                await renderQueue();
            }
        } finally {
            sending = false;
            await renderQueue();
        }
    }

    // --- the start page: what waits -----------------------------------------------------------------

    function entryValue(entry, name) {
        const pair = entry.fields.find(([key]) => key === name);
        return pair ? pair[1] : "";
    }

    async function renderQueue() {
        const list = document.getElementById("queue-list");
        if (!list || !hasQueue) {
            return;
        }
        const entries = await allEntries();
        document.getElementById("queue").hidden = entries.length === 0 && !document.getElementById("sync-status").textContent;
        list.replaceChildren(
            ...entries.map((entry) => {
                const item = document.createElement("li");
                item.className = "field-card queued-entry" + (entry.status === "refused" ? " refused" : "");
                item.dataset.entry = entry.id;
                const title = document.createElement("div");
                title.className = "fw-semibold";
                title.textContent = entryValue(entry, "title") || text.untitled;
                const state = document.createElement("div");
                state.className = "small entry-state";
                const details = [entryValue(entry, "date"), entry.status === "refused" ? text.refused : text.waiting];
                state.textContent = details.filter(Boolean).join(" · ");
                item.append(title, state);
                if (entry.status === "refused" && entry.message) {
                    const message = document.createElement("div");
                    message.className = "small text-danger entry-message";
                    message.textContent = entry.message;
                    item.append(message);
                }
                const edit = document.createElement("a");
                edit.className = "btn btn-outline-primary btn-sm mt-2";
                edit.href = `${urls.newUrl}?antrian=${encodeURIComponent(entry.id)}`;
                edit.textContent = text.edit;
                item.append(edit);
                return item;
            })
        );
    }

    function newId() {
        if (crypto.randomUUID) {
            return crypto.randomUUID();
        }
        const bytes = crypto.getRandomValues(new Uint8Array(16));
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
        return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }

    // --- the form -----------------------------------------------------------------------------------

    function resizedPhoto(file) {
        return window.outreachPhotos.resized(file); // static/js/photo-resize.js
    }

    function showPreview(card, blob) {
        const preview = card.querySelector(".photo-preview");
        if (preview) {
            preview.src = URL.createObjectURL(blob);
            preview.hidden = false;
        }
    }

    function setUpPhotoCard(card) {
        const input = card.querySelector("input[type=file]");
        if (!input || card.dataset.ready) {
            return;
        }
        card.dataset.ready = "1";
        input.removeAttribute("required");
        input.addEventListener("change", () => {
            const file = input.files[0];
            card.photoBlob = null;
            if (!file) {
                return;
            }
            card.photoReading = resizedPhoto(file)
                .then((blob) => {
                    card.photoBlob = blob;
                    showPreview(card, blob);
                })
                .catch(() => {
                    input.value = "";
                    window.alert(text.photoTooBig);
                });
        });
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "btn btn-outline-danger btn-sm remove-photo";
        remove.textContent = text.removePhoto;
        remove.addEventListener("click", () => card.remove());
        card.append(remove);
    }

    function addPhotoCard() {
        const cards = document.getElementById("photo-cards");
        const template = document.getElementById("photo-card-template");
        const index = cards.querySelectorAll(".photo-card").length + Date.now(); // ids only; names are rebuilt when sent
        const html = template.innerHTML.replaceAll("__prefix__", String(index));
        const holder = document.createElement("div");
        holder.innerHTML = html;
        const card = holder.querySelector(".photo-card");
        cards.append(card);
        setUpPhotoCard(card);
        return card;
    }

    function showPlaceFields(form) {
        const kind = form.elements.kind.value;
        const wanted = PLACE_OF_KIND[kind];
        for (const row of form.querySelectorAll(".place-field")) {
            const select = row.querySelector("select");
            row.hidden = Boolean(wanted) && wanted !== row.dataset.place && !select.value;
        }
    }

    function fillSelect(select, rows, filter) {
        const chosen = select.value;
        const needle = (filter || "").trim().toLowerCase();
        const options = [new Option("---------", "")];
        for (const row of rows) {
            if (!needle || row.name.toLowerCase().includes(needle) || String(row.id) === chosen) {
                options.push(new Option(row.name, String(row.id), false, String(row.id) === chosen));
            }
        }
        select.replaceChildren(...options);
    }

    async function setUpPlaces(form) {
        let places = null;
        try {
            const response = await fetch(urls.placesUrl, { credentials: "same-origin" });
            if (response.ok && !response.redirected) {
                places = await response.json();
            }
        } catch (error) {
            places = null; // neither network nor a copy on the phone: the lists of the page stay
        }
        for (const row of form.querySelectorAll(".place-field")) {
            const select = row.querySelector("select");
            const rows = places
                ? places[row.dataset.place]
                : Array.from(select.options)
                      .filter((option) => option.value)
                      .map((option) => ({ id: option.value, name: option.textContent }));
            fillSelect(select, rows, "");
            const search = document.createElement("input");
            search.type = "search";
            search.className = "form-control place-search";
            search.placeholder = select.closest(".place-field").querySelector("label").textContent.trim() + " …";
            search.setAttribute("aria-label", search.placeholder);
            search.addEventListener("input", () => fillSelect(select, rows, search.value));
            select.before(search);
            select.addEventListener("change", () => showPlaceFields(form));
        }
    }

    function setUpAttendance(form) {
        const inputs = Array.from(form.querySelectorAll("input.attendance"));
        const total = document.getElementById("attendance-total");
        const update = () => {
            total.textContent = String(inputs.reduce((sum, input) => sum + (parseInt(input.value, 10) || 0), 0));
        };
        inputs.forEach((input) => input.addEventListener("input", update));
        update();
        return update;
    }

    function formFields(form) {
        const fields = [];
        for (const [name, value] of new FormData(form)) {
            if (typeof value !== "string" || name === "csrfmiddlewaretoken" || name === "client_id") {
                continue;
            }
            if (name.startsWith("photos-")) {
                continue;
            }
            fields.push([name, value]);
        }
        return fields;
    }

    function fillForm(form, fields, partial = false) {
        const values = new Map();
        for (const [name, value] of fields) {
            values.set(name, [...(values.get(name) || []), value]);
        }
        for (const element of form.elements) {
            const name = element.name;
            if (!name || element.type === "file" || name.startsWith("photos-") || name === "csrfmiddlewaretoken" || name === "client_id") {
                continue;
            }
            if (partial && !values.has(name)) {
                continue; // keep the form's own value where the prefill says nothing
            }
            const given = values.get(name) || [];
            if (element.type === "checkbox" || element.type === "radio") {
                element.checked = given.includes(element.value);
            } else if (element.tagName === "SELECT" && element.multiple) {
                for (const option of element.options) {
                    option.selected = given.includes(option.value);
                }
            } else if (element.type !== "hidden") {
                element.value = given[0] || "";
            }
        }
        if (values.has("scheduled") && !form.elements.scheduled) {
            const hidden = document.createElement("input");
            hidden.type = "hidden";
            hidden.name = "scheduled";
            hidden.value = values.get("scheduled")[0];
            form.append(hidden);
        }
    }

    function labelOf(form, name) {
        const label = form.querySelector(`label[for="id_${name}"]`) || form.querySelector(`#id_${name}`)?.closest("fieldset")?.querySelector("legend");
        return label ? label.textContent.replace("*", "").trim() : name;
    }

    function showServerErrors(form, entry) {
        const note = document.getElementById("queued-entry-note");
        note.hidden = false;
        note.replaceChildren();
        if (entry.status !== "refused") {
            return;
        }
        note.className = "alert alert-danger";
        const heading = document.createElement("p");
        heading.className = "fw-semibold mb-1";
        heading.textContent = entry.message;
        const list = document.createElement("ul");
        list.className = "mb-0";
        const lines = [];
        for (const [name, messages] of Object.entries(entry.errors || {})) {
            lines.push(`${name === "__all__" ? "" : labelOf(form, name) + " — "}${messages.join(" ")}`);
        }
        lines.push(...(entry.photoFormErrors || []));
        (entry.photoErrors || []).forEach((errors, index) => {
            for (const messages of Object.values(errors)) {
                lines.push(`${labelOf(form, "photos-0-image")} ${index + 1} — ${messages.join(" ")}`);
            }
        });
        for (const line of lines) {
            const item = document.createElement("li");
            item.textContent = line;
            list.append(item);
        }
        note.append(heading, list);
    }

    async function setUpForm(form) {
        if (!hasQueue) {
            return; // an old browser: the plain online form
        }
        await setUpPlaces(form);
        const updateTotal = setUpAttendance(form);
        form.elements.kind.addEventListener("change", () => showPlaceFields(form));
        const cards = document.getElementById("photo-cards");
        // One empty card to start with; "Add a photo" gives more (the plain form offers three).
        Array.from(cards.querySelectorAll(".photo-card"))
            .slice(1)
            .filter((card) => !card.querySelector(".is-invalid, .invalid-feedback"))
            .forEach((card) => card.remove());
        cards.querySelectorAll(".photo-card").forEach(setUpPhotoCard);
        const addButton = document.getElementById("add-photo");
        addButton.hidden = false;
        addButton.addEventListener("click", () => addPhotoCard());

        const queuedId = new URLSearchParams(window.location.search).get("antrian");
        const queued = queuedId ? await getEntry(queuedId) : null;
        // A new id for every new entry: the page may be the phone's copy, whose id was used already.
        form.elements.client_id.value = newId();
        if (queued) {
            form.elements.client_id.value = queued.id;
            fillForm(form, queued.fields);
            cards.replaceChildren();
            for (const photo of queued.photos) {
                const card = addPhotoCard();
                card.photoBlob = photo.blob;
                showPreview(card, photo.blob);
                card.querySelector("input[name$='-caption']").value = photo.caption;
                card.querySelector("input[name$='-consent_to_publish']").checked = photo.consent;
            }
            addPhotoCard();
            showServerErrors(form, queued);
            updateTotal();
        }
        const prefill = window.sessionStorage.getItem("field-prefill");
        window.sessionStorage.removeItem("field-prefill");
        if (!queued && prefill && !form.elements.scheduled) {
            // The phone's copy of the form (no signal): filled from the schedule the start page showed.
            fillForm(form, JSON.parse(prefill), true);
            updateTotal();
        }
        showPlaceFields(form);

        form.addEventListener("submit", async (event) => {
            event.preventDefault();
            if (!form.reportValidity()) {
                return;
            }
            const photoCards = Array.from(cards.querySelectorAll(".photo-card"));
            await Promise.all(photoCards.map((card) => card.photoReading).filter(Boolean));
            const photos = photoCards
                .filter((card) => card.photoBlob)
                .map((card) => ({
                    blob: card.photoBlob,
                    caption: card.querySelector("input[name$='-caption']").value,
                    consent: card.querySelector("input[name$='-consent_to_publish']").checked,
                }));
            const id = form.elements.client_id.value;
            const before = await getEntry(id);
            await putEntry({
                id,
                createdAt: before ? before.createdAt : Date.now(),
                status: "waiting",
                message: "",
                errors: {},
                photoErrors: [],
                photoFormErrors: [],
                fields: formFields(form),
                photos,
            });
            window.sessionStorage.setItem("field-saved", "1");
            window.location.assign(urls.startUrl);
        });
    }

    function setUpSchedule() {
        for (const link of document.querySelectorAll("a.schedule-entry[data-prefill]")) {
            link.addEventListener("click", () => window.sessionStorage.setItem("field-prefill", link.dataset.prefill));
        }
    }

    // --- log-out: nothing of the officer stays on the phone ------------------------------------------

    async function forgetPhoneData() {
        await clearEntries();
        if ("caches" in window) {
            for (const key of await caches.keys()) {
                if (!key.startsWith("field-app-")) {
                    continue;
                }
                const cache = await caches.open(key);
                for (const request of await cache.keys()) {
                    if (new URL(request.url).pathname.startsWith(urls.scope)) {
                        await cache.delete(request); // pages and place list; the static files may stay
                    }
                }
            }
        }
    }

    function setUpLogout() {
        const form = document.getElementById("logout-form");
        if (!form || !hasQueue) {
            return;
        }
        form.addEventListener("submit", async (event) => {
            event.preventDefault();
            const waiting = (await allEntries()).length;
            if (waiting && !window.confirm(text.logoutWarning)) {
                return;
            }
            // Let the copies being made land first, so that none arrives after the cache was emptied.
            await Promise.race([keepingForOffline, new Promise((resolve) => window.setTimeout(resolve, 3000))]);
            await forgetPhoneData();
            form.submit();
        });
    }

    // --- offline: the service worker keeps the shell --------------------------------------------------

    let keepingForOffline = Promise.resolve();

    async function registerServiceWorker() {
        if (!("serviceWorker" in navigator)) {
            return;
        }
        try {
            await navigator.serviceWorker.register(urls.serviceWorker, { scope: urls.scope });
            await navigator.serviceWorker.ready;
            if (!navigator.serviceWorker.controller) {
                await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
            }
            if (navigator.onLine) {
                // Through the worker, so that the start page, the form and the place list are kept.
                await Promise.all([urls.startUrl, urls.newUrl, urls.placesUrl].map((url) => fetch(url, { credentials: "same-origin" }).catch(() => null)));
            }
            body.dataset.offlineReady = "1";
        } catch (error) {
            body.dataset.offlineReady = "0";
        }
    }

    document.addEventListener("DOMContentLoaded", async () => {
        showConnection();
        window.addEventListener("offline", showConnection);
        window.addEventListener("online", () => {
            showConnection();
            sendQueue();
        });
        setUpLogout();
        setUpSchedule();
        keepingForOffline = registerServiceWorker();
        const form = document.getElementById("entry-form");
        if (form) {
            await setUpForm(form);
        }
        if (window.sessionStorage.getItem("field-saved")) {
            window.sessionStorage.removeItem("field-saved");
            setStatus(text.saved);
        }
        await renderQueue();
        await sendQueue();
        window.setInterval(sendQueue, RETRY_MS);
        body.dataset.ready = "1";
    });
})();
