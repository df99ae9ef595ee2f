// Photos resized on the phone before they are sent: at most 1600 px on the longer side, as JPEG, turned upright
// from their orientation and drawn afresh, so the camera's metadata (the location included) never leaves the
// phone, and a cheap phone sends a few hundred KB instead of several MB. The server still checks and cleans
// every photo it receives (outreach/media.py).
// Used by the field app (window.outreachPhotos.resized) and by any form's <input type=file data-resize-photos>,
// whose chosen files are replaced by their resized copies; a file the browser cannot read as an image is sent
// as it is, for the server to judge. Without this file (or without JavaScript) the forms send the originals.
"use strict";
window.outreachPhotos = (() => {
    const MAX_SIDE = 1600;
    const JPEG_QUALITY = 0.85;

    async function resized(file) {
        const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
        const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
        const canvas = document.createElement("canvas");
        canvas.width = Math.round(bitmap.width * scale);
        canvas.height = Math.round(bitmap.height * scale);
        canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        if (bitmap.close) {
            bitmap.close();
        }
        return new Promise((resolve, reject) => {
            canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("toBlob"))), "image/jpeg", JPEG_QUALITY);
        });
    }

    function resizedFile(file) {
        const name = `${file.name.replace(/\.[^.]*$/, "") || "photo"}.jpg`;
        return resized(file).then(
            (blob) => new File([blob], name, { type: "image/jpeg" }),
            () => file,
        );
    }

    // The input's files are swapped for their resized copies as soon as they are chosen; a form sent before
    // that is finished waits for it, then is sent with the same button.
    function setUpInput(input) {
        let pending = null;
        let choice = 0;
        input.addEventListener("change", () => {
            const files = Array.from(input.files);
            const current = ++choice;
            if (!files.length) {
                pending = null;
                return;
            }
            pending = Promise.all(files.map(resizedFile)).then((copies) => {
                if (current !== choice) {
                    return;
                }
                const transfer = new DataTransfer();
                copies.forEach((copy) => transfer.items.add(copy));
                input.files = transfer.files;
                pending = null;
            });
        });
        if (input.form) {
            input.form.addEventListener("submit", (event) => {
                if (!pending) {
                    return;
                }
                event.preventDefault();
                const submitter = event.submitter;
                pending.finally(() => {
                    pending = null;
                    input.form.requestSubmit(submitter);
                });
            });
        }
    }

    if ("createImageBitmap" in window && "DataTransfer" in window) {
        document.querySelectorAll("input[type=file][data-resize-photos]").forEach(setUpInput);
    }
    return { resized };
})();
