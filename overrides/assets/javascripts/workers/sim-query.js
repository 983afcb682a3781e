/* Query normaliser for the guide's search (runs inside the search worker).
 *
 * Material hands each query to lunr after appending "*" to every term, and lunr
 * then skips its search pipeline, so a query is never stemmed or segmented the
 * way the index was. This function prepares the query so that it meets the index:
 *   - NFKC (full-width letters and digits become ASCII) and lower case;
 *   - a space between Chinese and Latin/Cyrillic/digits ("MTS怎么注销" -> "mts 怎么注销"),
 *     so that Material's own Chinese segmentation sees the Han run alone;
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
  var ALIASES = {};
  NAME_GROUPS.forEach(function (group) {
    group.forEach(function (name) { ALIASES[name] = group; });
  });

  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
  var HAN_THEN_OTHER = new RegExp("([" + HAN + "])(?=[^" + HAN + "\\s])", "g");
  var OTHER_THEN_HAN = new RegExp("([^" + HAN + "\\s])(?=[" + HAN + "])", "g");
  // Everything that is not a letter, digit, "*" or "#" separates terms.
  var SEPARATOR = /[^\p{L}\p{N}*#]+/gu;
  var WORD = /^[\p{L}]+$/u;

  function normalise(query, options) {
    if (typeof query !== "string") return "";
    var stem = options && options.stem;
    var isStop = options && options.isStop;
    var text = query.slice(0, MAX_LENGTH);
    try { text = text.normalize("NFKC"); } catch (e) { /* keep the raw text */ }
    text = text.toLowerCase()
      .replace(HAN_THEN_OTHER, "$1 ")
      .replace(OTHER_THEN_HAN, "$1 ")
      .replace(SEPARATOR, " ")
      .replace(/\*+(?=\s|$)/g, " ")          // a trailing "*" is lunr syntax, not text
      .trim();
    if (!text) return "";

    var terms = [];
    var seen = {};
    function add(term) {
      if (term && !seen[term]) { seen[term] = true; terms.push(term); }
    }
    var words = text.split(/\s+/);
    var kept = words.filter(function (w) { return !(isStop && WORD.test(w) && isStop(w)); });
    if (!kept.length) kept = words;
    kept.forEach(function (word) {
      var group = ALIASES[word];
      if (group) { group.forEach(add); return; }
      if (stem && WORD.test(word) && word.length > 2) {
        var stemmed = "";
        try { stemmed = stem(word); } catch (e) { stemmed = ""; }
        add(stemmed && stemmed.length >= 2 ? stemmed : word);
        return;
      }
      add(word);
    });
    return terms.join(" ");
  }

  root.SimQuery = { normalise: normalise, MAX_LENGTH: MAX_LENGTH };
})(typeof self !== "undefined" ? self : this);
