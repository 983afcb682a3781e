/* Thin wrapper around Material's search worker.
 *
 * Loaded instead of Material's worker (overrides/hooks/search_split.py points
 * __config.search here, passing Material's file name as ?w=). It registers the
 * only "message" listener, normalises each query with SimQuery (sim-query.js)
 * using the lunr stemmer and stop words of the index's language, and passes
 * messages on to Material's handler unchanged otherwise. Works in a real worker
 * and inside the iframe-worker shim used under file://.
 *
 * It also shapes the index lunr builds from the documents (issue 26):
 *   - the fold: every form of a name (SimQuery.foldTable: "MTS", "МТС") becomes one
 *     term, the same the query normaliser folds to, and a name written twice in a
 *     row ("MTS (МТС)") is counted once;
 *   - page weights: a term's weight (lunr's idf) is scaled down by how many of the
 *     language's pages hold it, counted in the index being built (no hand list), so
 *     words on most pages (SIM, номер, 号码) no longer outweigh the word that
 *     carries the question;
 *   - the sorted list of index terms, for the normaliser's typo tolerance.
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

  var stemFn = null, foldMap = null, terms = [];

  function stemmer() {
    var lunr = self.lunr, language = lunrLanguage();
    if (stemFn || !lunr || !language || !language.stemmer || lang === "zh") return stemFn;
    stemFn = function (word) { return String(language.stemmer(new lunr.Token(word, {}))); };
    return stemFn;
  }

  // The fold table of this index's language (built once its stemmer has loaded).
  function fold() {
    if (!foldMap && self.SimQuery) foldMap = self.SimQuery.foldTable(stemmer());
    return foldMap;
  }

  // Does any term of the index start with `term`? (binary search in the sorted terms)
  function known(term) {
    var lo = 0, hi = terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (terms[mid] < term) lo = mid + 1; else hi = mid;
    }
    return lo < terms.length && terms[lo].lastIndexOf(term, 0) === 0;
  }

  // A term on `pages` of the language's `total` pages weighs this share of lunr's idf:
  // 1 on one page, falling towards 0 on every page.
  function pageWeight(pages, total) {
    if (total < 2) return 1;
    var rare = Math.log(1 + (total - 0.5) / 1.5);
    return Math.max(0.05, Math.log(1 + (total - pages + 0.5) / (pages + 0.5)) / rare);
  }

  function pageOf(ref) { return String(ref).split("#")[0]; }

  function patchLunr() {
    var lunr = self.lunr;
    if (!lunr || lunr.__simPatched) return;
    lunr.__simPatched = true;
    // Runs last in the index pipeline, after the stemmer: a name's form becomes the
    // group's term; the second of two forms in a row ("MTS (МТС)") is dropped.
    var simFold = function (token, i, tokens) {
      var table = fold();
      var name = table && table.get(String(token));
      if (!name) return token;
      if (i > 0 && table.get(String(tokens[i - 1])) === name) return null;
      return token.update(function () { return name; });
    };
    lunr.Pipeline.registerFunction(simFold, "simFold");
    var add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function () {
      if (!this.__simFold) { this.__simFold = true; this.pipeline.add(simFold); }
      return add.apply(this, arguments);
    };
    // lunr's own field vectors (Builder#createFieldVectors, lunr 2.3.9), with each
    // term's idf scaled by the share of pages that hold it in that field: a name in
    // one page's title weighs fully there, however many pages mention it in passing.
    lunr.Builder.prototype.createFieldVectors = function () {
      var builder = this, vectors = {}, cache = new Map(), pages = new Set();
      Object.keys(this._documents).forEach(function (ref) { pages.add(pageOf(ref)); });
      var total = pages.size;
      function idf(term, field) {
        var key = field + "\u0000" + term;
        if (cache.has(key)) return cache.get(key);
        var posting = builder.invertedIndex[term], on = new Set();
        Object.keys(posting[field] || {}).forEach(function (ref) { on.add(pageOf(ref)); });
        var value = lunr.idf(posting, builder.documentCount) * pageWeight(on.size, total);
        cache.set(key, value);
        return value;
      }
      Object.keys(this.fieldTermFrequencies).forEach(function (key) {
        var fieldRef = lunr.FieldRef.fromString(key), field = fieldRef.fieldName;
        var length = builder.fieldLengths[fieldRef], vector = new lunr.Vector();
        var frequencies = builder.fieldTermFrequencies[fieldRef];
        var boost = (builder._fields[field].boost || 1) * (builder._documents[fieldRef.docRef].boost || 1);
        Object.keys(frequencies).forEach(function (term) {
          var tf = frequencies[term];
          var score = idf(term, field) * ((builder._k1 + 1) * tf) /
            (builder._k1 * (1 - builder._b + builder._b * (length / builder.averageFieldLength[field])) + tf);
          vector.insert(builder.invertedIndex[term]._index, Math.round(score * boost * 1000) / 1000);
        });
        vectors[fieldRef] = vector;
      });
      this.fieldVectors = vectors;
      terms = Object.keys(this.invertedIndex).sort();
    };
  }

  function options() {
    var lunr = self.lunr, language = lunrLanguage();
    if (!lunr || !language) return { vocabulary: vocabulary, synonyms: synonyms };
    var isStop = language.stopWordFilter
      ? function (word) { return !language.stopWordFilter(new lunr.Token(word, {})); }
      : null;
    return { stem: stemmer(), isStop: isStop, vocabulary: vocabulary, synonyms: synonyms,
             fold: fold(), known: known, fuzzy: lang === "ru" || lang === "en" };
  }

  function transform(data) {
    if (data && data.type === SETUP && data.data && data.data.config) {
      lang = (data.data.config.lang || ["en"])[0];
      stemFn = null; foldMap = null; terms = [];
      patchLunr();
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
    patchLunr();
  }
  // Material's answers pass through here (a real worker only): each result's text is
  // cut to its first lines (SimQuery.trimHtml), the order of results is left alone.
  var RESULT = 3, TEXT_CHARS = 320;
  function shapeResult(message) {
    var Q = self.SimQuery;
    if (!Q || !message || message.type !== RESULT || !message.data || !Array.isArray(message.data.items)) return message;
    try {
      message.data.items.forEach(function (group) {
        (group || []).forEach(function (doc) {
          if (doc && typeof doc.text === "string") doc.text = Q.trimHtml(doc.text, TEXT_CHARS);
        });
      });
    } catch (e) { /* the answer goes on as Material made it */ }
    return message;
  }
  var realPost = typeof self.postMessage === "function" ? self.postMessage.bind(self) : null;
  if (realPost && typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
    self.postMessage = function (message, transfer) {
      return transfer === undefined ? realPost(shapeResult(message)) : realPost(shapeResult(message), transfer);
    };
  }

  nativeAdd("message", function (ev) {
    load();
    if (handlers.length) dispatch(ev); else queue.push(ev);
  });
  var realWorker = typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope;
  if (!realWorker) load();
})();
