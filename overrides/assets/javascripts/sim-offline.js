/* "Save this guide for offline use" (the [data-offline-save] button at the end of
 * every page, overrides/main.html). Nothing is stored and no service worker is
 * registered until the reader presses it; the file:// copy never shows it.
 * States on the button: data-offline-state = idle | saving | saved | failed. */
(function () {
  "use strict";

  var button = document.querySelector("[data-offline-save]");
  var panel = document.querySelector("[data-offline-panel]");
  var status = document.getElementById("sim-offline-status");
  if (!button || !panel || !status) return;
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;

  var words = JSON.parse(status.getAttribute("data-words"));
  var lang = button.getAttribute("data-offline-lang");
  var swUrl = new URL(button.getAttribute("data-offline-sw"), location.href);
  var scope = new URL("./", swUrl).href;
  var lastBytes = 0;

  function size(bytes) {
    var mb = bytes / (1024 * 1024);
    var n = mb >= 1 ? mb : bytes / 1024;
    var unit = mb >= 1 ? " MB" : " KB";
    try { return new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: 1 }).format(n) + unit; }
    catch (e) { return n.toFixed(1) + unit; }
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
  }
  function state(name, text) {
    button.setAttribute("data-offline-state", name);
    button.disabled = name === "saving";
    if (text) status.textContent = text;
  }

  function onMessage(event) {
    var data = event.data || {};
    if (data.lang !== lang) return;
    if (data.type === "sim-offline-progress") {
      lastBytes = data.bytes;
      state("saving", fill(words.saving, { done: data.done, total: data.total, size: size(data.bytes) }));
    } else if (data.type === "sim-offline-saved") {
      state("saved", fill(words.saved, { size: size(data.bytes) }));
    } else if (data.type === "sim-offline-failed") {
      state("failed", words.failed);
    } else if (data.type === "sim-offline-status" && data.info) {
      state("saved", fill(words.saved, { size: size(data.info.bytes) }));
    }
  }
  navigator.serviceWorker.addEventListener("message", onMessage);

  panel.hidden = false;

  // Saved before? Ask the worker that is already there (registered by an earlier press).
  navigator.serviceWorker.getRegistration(scope).then(function (registration) {
    var worker = registration && (registration.active || registration.waiting);
    if (worker) worker.postMessage({ type: "sim-offline-status", lang: lang });
  });

  button.addEventListener("click", function () {
    state("saving", fill(words.saving, { done: 0, total: "…", size: size(lastBytes) }));
    navigator.serviceWorker.register(swUrl.href, { scope: scope })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        registration.active.postMessage({ type: "sim-offline-save", lang: lang });
      })
      .catch(function () { state("failed", words.failed); });
  });
})();
