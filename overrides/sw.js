/* The guide's service worker: "save this guide for offline use".
 *
 * Registered only when the reader presses the save button (sim-offline.js); it
 * stores nothing by itself. On "save" it downloads the language's manifest
 * (offline/<lang>.json, written by overrides/hooks/offline_save.py: every page of that
 * language, the assets and its search index) into a cache named after this
 * build's version, reporting progress. Requests are answered from the network when
 * it answers in time, otherwise from the saved copy; a page the copy does not hold
 * gets a saved 404 page (savedNotFound). A new build has a new version:
 * on activation the saved languages are saved again under it and old caches go.
 */
"use strict";

var VERSION = "__SIM_VERSION__";
var PREFIX = "sim-guide-";
var SCOPE = self.registration.scope;           // the site root, ending in "/"
var NETWORK_TIMEOUT = 4000;                     // ms before the saved copy answers

function cacheName(lang) { return PREFIX + VERSION + "-" + lang; }
function langOf(name) { return name.slice(name.lastIndexOf("-") + 1); }

function broadcast(message) {
  return self.clients.matchAll({ includeUncontrolled: true }).then(function (clients) {
    clients.forEach(function (client) { client.postMessage(message); });
  });
}

function save(lang) {
  var name = cacheName(lang);
  return fetch(new URL("offline/" + lang + ".json", SCOPE), { cache: "no-store" })
    .then(function (res) {
      if (!res.ok) throw new Error("manifest " + res.status);
      return res.json();
    })
    .then(function (manifest) {
      return caches.open(name).then(function (cache) {
        var done = 0, bytes = 0, total = manifest.files.length;
        var queue = manifest.files.slice();
        function next() {
          var url = queue.shift();
          if (url === undefined) return Promise.resolve();
          var request = new Request(new URL(url, SCOPE), { cache: "no-cache" });
          return fetch(request).then(function (res) {
            if (!res.ok) throw new Error(url + " " + res.status);
            return res.clone().arrayBuffer().then(function (body) {
              bytes += body.byteLength;
              return cache.put(request, res);
            });
          }).then(function () {
            done += 1;
            return broadcast({ type: "sim-offline-progress", lang: lang, done: done, total: total, bytes: bytes });
          }).then(next);
        }
        // four downloads at a time
        return Promise.all([next(), next(), next(), next()]).then(function () {
          return cache.put(new Request(new URL("offline/" + lang + ".json", SCOPE)),
            new Response(JSON.stringify({ version: VERSION, bytes: bytes, files: total }),
              { headers: { "Content-Type": "application/json" } }));
        }).then(function () {
          return broadcast({ type: "sim-offline-saved", lang: lang, version: VERSION, bytes: bytes, total: total });
        });
      });
    })
    .catch(function (error) {
      return caches.delete(name).then(function () {
        return broadcast({ type: "sim-offline-failed", lang: lang, error: String(error) });
      });
    });
}

function status(lang) {
  return caches.open(cacheName(lang)).then(function (cache) {
    return cache.match(new URL("offline/" + lang + ".json", SCOPE));
  }).then(function (res) {
    return res ? res.json() : null;
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(self.skipWaiting());
});

self.addEventListener("activate", function (event) {
  // Languages saved by an older build are saved again under this version.
  event.waitUntil(caches.keys().then(function (names) {
    var old = names.filter(function (n) { return n.indexOf(PREFIX) === 0 && n.indexOf(PREFIX + VERSION + "-") !== 0; });
    var langs = old.map(langOf).filter(function (l, i, all) { return all.indexOf(l) === i; });
    return Promise.all(langs.map(save)).then(function () {
      return Promise.all(old.map(function (n) { return caches.delete(n); }));
    });
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "sim-offline-save") event.waitUntil(save(data.lang));
  if (data.type === "sim-offline-status") {
    event.waitUntil(status(data.lang).then(function (info) {
      event.source.postMessage({ type: "sim-offline-status", lang: data.lang, info: info, version: VERSION });
    }));
  }
});

function fromCache(request) {
  return caches.keys().then(function (names) {
    var mine = names.filter(function (n) { return n.indexOf(PREFIX + VERSION + "-") === 0; });
    return mine.reduce(function (found, name) {
      return found.then(function (res) {
        return res || caches.open(name).then(function (cache) {
          // the exact URL first (the search worker's ?w= matters), then without
          // the query (?h= search highlights)
          return cache.match(request).then(function (exact) {
            return exact || cache.match(request, { ignoreSearch: true });
          });
        });
      });
    }, Promise.resolve(undefined));
  });
}

/* A page the saved copy does not hold (a mistyped address, a language not saved),
 * with the network off: the saved 404 page of the address's language, else the
 * default language's (the site root's 404.html), else any saved language's, with
 * status 404, as the host would answer. Undefined when none is saved. */
function savedNotFound(request) {
  var path = request.url.slice(SCOPE.length).split(/[?#]/)[0];
  var first = path.split("/")[0];
  return caches.keys().then(function (names) {
    var saved = names.filter(function (n) { return n.indexOf(PREFIX + VERSION + "-") === 0; }).map(langOf);
    var candidates = [];
    if (first && path.indexOf("/") > 0) candidates.push(first + "/404.html");
    candidates.push("404.html");
    saved.forEach(function (lang) { candidates.push(lang + "/404.html"); });
    return candidates.reduce(function (found, url) {
      return found.then(function (res) {
        return res || fromCache(new Request(new URL(url, SCOPE)));
      });
    }, Promise.resolve(undefined));
  }).then(function (res) {
    if (!res) return undefined;
    return new Response(res.body, { status: 404, statusText: "Not Found", headers: res.headers });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  event.respondWith(new Promise(function (resolve) {
    var settled = false;
    function fallback() {
      if (settled) return;
      fromCache(request).then(function (res) {
        if (res && !settled) { settled = true; resolve(res); }
      });
    }
    var timer = setTimeout(fallback, NETWORK_TIMEOUT);
    fetch(request).then(function (res) {
      clearTimeout(timer);
      if (!settled) { settled = true; resolve(res); }
    }, function () {
      clearTimeout(timer);
      fromCache(request).then(function (res) {
        if (res || request.mode !== "navigate") return res;
        return savedNotFound(request);
      }).then(function (res) {
        if (!settled) {
          settled = true;
          resolve(res || Response.error());
        }
      });
    });
  }));
});
