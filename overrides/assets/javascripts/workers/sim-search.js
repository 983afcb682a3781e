/* Thin wrapper around Material's search worker.
 *
 * Loaded instead of Material's worker (overrides/hooks/search_split.py points
 * __config.search here, passing Material's file name as ?w=). It registers the
 * only "message" listener, normalises each query with SimQuery (sim-query.js)
 * using the lunr stemmer and stop words of the index's language, and passes
 * messages on to Material's handler unchanged otherwise. Works in a real worker
 * and inside the iframe-worker shim used under file://.
 */
(function () {
  "use strict";

  var SETUP = 0, QUERY = 2;  // Material's SearchMessageType
  var script = (typeof document !== "undefined" && document.querySelector("script[src]"))
    ? document.querySelector("script[src]").src
    : self.location.href;
  var dir = script.split("?")[0].replace(/[^/]*$/, "");
  var match = /[?&]w=([\w.-]+\.js)/.exec(script);
  var material = match ? match[1] : null;

  var lang = "en";
  var vocabulary = null;
  var synonyms = null;  // readers' words (docs/_data/search-synonyms.yml), from the index's config
  var handlers = [];
  var queue = [];
  var nativeAdd = self.addEventListener.bind(self);

  function lunrLanguage() {
    var lunr = self.lunr;
    if (!lunr) return null;
    return lang === "en" ? lunr : lunr[lang] || null;
  }

  function options() {
    var lunr = self.lunr, language = lunrLanguage();
    if (!lunr || !language) return { vocabulary: vocabulary, synonyms: synonyms };
    var stem = language.stemmer && lang !== "zh"
      ? function (word) { return String(language.stemmer(new lunr.Token(word, {}))); }
      : null;
    var isStop = language.stopWordFilter
      ? function (word) { return !language.stopWordFilter(new lunr.Token(word, {})); }
      : null;
    return { stem: stem, isStop: isStop, vocabulary: vocabulary, synonyms: synonyms };
  }

  function transform(data) {
    if (data && data.type === SETUP && data.data && data.data.config) {
      lang = (data.data.config.lang || ["en"])[0];
      vocabulary = self.SimQuery.vocabularyOf(data.data.docs, data.data.config.separator);
      synonyms = data.data.config.synonyms || null;
    } else if (data && data.type === QUERY && typeof data.data === "string") {
      // Should the normaliser ever fail, the query goes on as typed: a worker that
      // throws sends no answer, and the previous results would stay on screen.
      var query;
      try { query = self.SimQuery.normalise(data.data, options()); } catch (e) { query = data.data; }
      return { type: QUERY, data: typeof query === "string" ? query : data.data };
    }
    return data;
  }

  function dispatch(ev) {
    var data = transform(ev.data);
    handlers.forEach(function (fn) { fn({ data: data }); });
  }

  // Material's worker calls addEventListener("message", …): keep its handler
  // and feed it ourselves, so that every query passes through transform().
  self.addEventListener = function (type, fn, opts) {
    if (type !== "message") return nativeAdd(type, fn, opts);
    handlers.push(fn);
    queue.splice(0).forEach(dispatch);
  };
  if (!material) throw new Error("sim-search.js: Material's worker name (?w=) is missing");

  // In a real worker, Material's worker and our query code are loaded with the first
  // message (the index arrives only when the reader opens search: sim-lazy-search.js),
  // so that a page view downloads neither. Inside the iframe-worker shim (file://)
  // they load at once.
  var loaded = false;
  function load() {
    if (loaded) return;
    loaded = true;
    importScripts(dir + "sim-query.js", dir + material);
  }
  nativeAdd("message", function (ev) {
    load();
    if (handlers.length) dispatch(ev); else queue.push(ev);
  });
  var realWorker = typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope;
  if (!realWorker) load();
})();
