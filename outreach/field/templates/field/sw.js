{% load static %}// The field app's service worker (scope: {% url 'field:start' %}). Keeps the app shell and the place list
// for use without a connection. It never touches the admin, the report data, the list of entries or
// anything outside its scope except the app's own static files, and never caches a POST.
"use strict";

const VERSION = "{{ version }}";
const CACHE = "field-app-" + VERSION;
const ASSETS = [
    "{% static 'js/photo-resize.js' %}",
    "{% static 'field/field.js' %}",
    "{% static 'field/field.css' %}",
    "{% static 'vendor/bootstrap-5.3.9/bootstrap.min.css' %}",
    "{% static 'field/icon.svg' %}",
    "{% static 'field/icon-192.png' %}",
];
// Pages and data of the signed-in officer: fetched from the network first, the copy is the fallback.
const NETWORK_FIRST = ["{% url 'field:start' %}", "{% url 'field:new' %}", "{% url 'field:places' %}", "{% url 'field:manifest' %}"];

self.addEventListener("install", (event) => {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
    event.waitUntil(
        caches.keys()
            .then((keys) => Promise.all(keys.filter((key) => key.startsWith("field-app-") && key !== CACHE).map((key) => caches.delete(key))))
            .then(() => self.clients.claim())
    );
});

function keepable(response) {
    // Only a plain answer of our own: never a redirect to the log-in page, never an error.
    return response.ok && response.type === "basic" && !response.redirected;
}

async function networkFirst(request, key, store) {
    const cache = await caches.open(CACHE);
    try {
        const response = await fetch(request);
        if (store && keepable(response)) {
            await cache.put(key, response.clone());
        }
        return response;
    } catch (error) {
        const copy = await cache.match(key);
        if (copy) {
            return copy;
        }
        throw error;
    }
}

async function cacheFirst(request) {
    const copy = await caches.match(request);
    return copy || fetch(request);
}

self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") {
        return;
    }
    const url = new URL(request.url);
    if (url.origin !== self.location.origin) {
        return;
    }
    if (ASSETS.includes(url.pathname)) {
        event.respondWith(cacheFirst(request));
    } else if (NETWORK_FIRST.includes(url.pathname)) {
        // One copy per page, kept from its plain address; with a query (?dari=…, ?antrian=…) it is
        // only the fallback, so that a form filled from the schedule is never kept as the empty form.
        event.respondWith(networkFirst(request, url.origin + url.pathname, url.search === ""));
    }
});
