/* Query normaliser for the guide's search (runs inside the search worker).
 *
 * Material hands each query to lunr after appending "*" to every term, and lunr
 * then skips its search pipeline, so a query is never stemmed or segmented the
 * way the index was. This function prepares the query so that it meets the index:
 *   - NFKC (full-width letters and digits become ASCII) and lower case;
 *   - Chinese is cut into the words the index was built with (jieba, at build time):
 *     `vocabulary` holds the index's Han words and each Han run is split into the
 *     fewest of them ("MTS怎么注销" -> "mts 怎么 注销"). Material's own segmenter never
 *     tests a word that ends the query, so it is only handed single words;
 *   - punctuation and lunr's query syntax become spaces; "*" and "#" stay inside
 *     terms, so that USSD codes such as *100# still match;
 *   - known names in the other script are added ("есим" -> also "esim");
 *   - each remaining word is stemmed with the index's own stemmer (`stem`) and
 *     stop words are dropped (`isStop`), unless that would leave nothing.
 * It never throws and works in time linear in the (capped) query length.
 */
(function (root) {
  "use strict";

  var MAX_LENGTH = 200;

  // Names readers type in either script. Every form of a group finds the others.
  var NAME_GROUPS = [
    ["mts", "мтс"],
    ["beeline", "билайн"],
    ["megafon", "мегафон"],
    ["t2", "т2", "tele2", "теле2"],
    ["esim", "есим", "еsim"],
    ["gosuslugi", "госуслуги"]
  ];
  // A Map, never a plain object: a query word such as "constructor" or "__proto__"
  // must not find a property of Object.prototype.
  var ALIASES = new Map();
  NAME_GROUPS.forEach(function (group) {
    group.forEach(function (name) { ALIASES.set(name, group); });
  });

  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
  var HAN_THEN_OTHER = new RegExp("([" + HAN + "])(?=[^" + HAN + "\\s])", "g");
  var OTHER_THEN_HAN = new RegExp("([^" + HAN + "\\s])(?=[" + HAN + "])", "g");
  // Everything that is not a letter, digit, "*" or "#" separates terms.
  var SEPARATOR = /[^\p{L}\p{N}*#]+/gu;
  var WORD = /^[\p{L}]+$/u;

  var HAN_RUN = new RegExp("[" + HAN + "]+", "g");
  var MAX_WORD = 8;

  // Split a run of Han characters into the fewest words of `vocabulary` (unknown
  // characters stand alone); on ties, the later word is the longer one.
  function segment(run, vocabulary) {
    var n = run.length, best = [0], cut = [0];
    for (var i = 1; i <= n; i++) {
      best[i] = Infinity;
      for (var j = Math.max(0, i - MAX_WORD); j < i; j++) {
        var word = run.slice(j, i);
        if ((i - j === 1 || vocabulary.has(word)) && best[j] + 1 <= best[i]) {
          if (best[j] + 1 < best[i] || i - j > i - cut[i]) { best[i] = best[j] + 1; cut[i] = j; }
        }
      }
    }
    var words = [];
    for (var k = n; k > 0; k = cut[k]) words.unshift(run.slice(cut[k], k));
    return words.join(" ");
  }

  // The Han words of an index (its documents were segmented by jieba at build time).
  function vocabularyOf(docs, separator) {
    var vocabulary = new Set(), split = new RegExp(separator);
    var han = new RegExp("^[" + HAN + "]+$");
    (docs || []).forEach(function (doc) {
      String((doc.title || "") + " " + (doc.text || "")).replace(/<[^>]*>/g, " ")
        .split(split).forEach(function (token) {
          if (token && token.length <= MAX_WORD && han.test(token)) vocabulary.add(token);
        });
    });
    return vocabulary;
  }

  function normalise(query, options) {
    if (typeof query !== "string") return "";
    var stem = options && options.stem;
    var isStop = options && options.isStop;
    var vocabulary = options && options.vocabulary;
    var text = query.slice(0, MAX_LENGTH);
    try { text = text.normalize("NFKC"); } catch (e) { /* keep the raw text */ }
    text = text.toLowerCase()
      .replace(HAN_THEN_OTHER, "$1 ")
      .replace(OTHER_THEN_HAN, "$1 ")
      .replace(SEPARATOR, " ")
      .replace(HAN_RUN, function (run) { return vocabulary ? segment(run, vocabulary) : run; })
      .replace(/\*+(?=\s|$)/g, " ")          // a trailing "*" is lunr syntax, not text
      .trim();
    if (!text) return "";

    var terms = [];
    var seen = new Set();
    function add(term) {
      if (term && !seen.has(term)) { seen.add(term); terms.push(term); }
    }
    var words = text.split(/\s+/);
    var kept = words.filter(function (w) { return !(isStop && WORD.test(w) && isStop(w)); });
    if (!kept.length) kept = words;
    kept.forEach(function (word) {
      var stemmed = word;
      if (stem && WORD.test(word) && word.length > 2) {
        try { stemmed = String(stem(word) || word); } catch (e) { stemmed = word; }
        if (stemmed.length < 2) stemmed = word;
      }
      var group = ALIASES.get(word) || ALIASES.get(stemmed);
      if (group) group.forEach(add);
      else add(stemmed);
    });
    return terms.join(" ");
  }

  root.SimQuery = {
    normalise: normalise, segment: segment, vocabularyOf: vocabularyOf, MAX_LENGTH: MAX_LENGTH
  };
})(typeof self !== "undefined" ? self : this);
