/* Fetch the search index when the reader first opens search, not with every page.
 *
 * Loaded right before Material's bundle (overrides/main.html, online only). Material
 * requests search/search_index.json with XMLHttpRequest as soon as its bundle runs
 * (over file:// it already waits for the search toggle); this holds that one request
 * until the search field gets focus or the search toggle opens (or at once on a page
 * opened with a shared query, ?q=), then sends it. Every other request is left alone.
 * A page opened from a result (?h=) no longer needs the index: sim-highlight.js marks
 * the words without it. */
(function () {
  "use strict";

  if (location.protocol === "file:") return;
  var proto = XMLHttpRequest.prototype;
  var open = proto.open, send = proto.send;
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var held = [], released = false;

  function release() {
    if (released) return;
    released = true;
    held.splice(0).forEach(function (h) { send.apply(h.xhr, h.args); });
  }
  proto.open = function (method, url) {
    this.__simIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (this.__simIndex && !released) {
      held.push({ xhr: this, args: arguments });
      return undefined;
    }
    return send.apply(this, arguments);
  };
  document.addEventListener("focusin", function (e) {
    if (e.target && e.target.closest && e.target.closest(".md-search")) release();
  });
  document.addEventListener("change", function (e) {
    if (e.target && e.target.id === "__search" && e.target.checked) release();
  });
  // A search link shared with ?q= opens search at once.
  if (/[?&]q=/.test(location.search)) release();
})();
