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
 *   - each remaining word is stemmed with the index's own stemmer (`stem`) and
 *     stop words are dropped (`isStop`), unless that would leave nothing;
 *   - a name in any script or form becomes the one term the index holds for it
 *     (`foldTable`: "мтс", "МТС", "MTS" -> "mts"; the worker folds the index with
 *     the same table), so a name counts once however many forms the query types;
 *   - a word of five letters or more that no index term starts with (`known`) is
 *     also sought with one edit of tolerance ("word~1"; ru and en: `fuzzy`).
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
  // The fold (issue 26): every form of a name, and its stem, maps to the group's
  // first form. The worker applies the same table to the index (sim-search.js).
  // Maps, never plain objects: a query word such as "constructor" or "__proto__"
  // must not find a property of Object.prototype.
  var folds = new WeakMap(), plainFold = null;
  function foldTable(stem) {
    if (!stem && plainFold) return plainFold;
    if (stem && folds.has(stem)) return folds.get(stem);
    var table = new Map();
    NAME_GROUPS.forEach(function (group) {
      group.forEach(function (name) {
        table.set(name, group[0]);
        table.set(stemOf(name, stem), group[0]);
      });
    });
    if (stem) folds.set(stem, table); else plainFold = table;
    return table;
  }
  var MIN_FUZZY = 5;
  // Chinese question words: lunr's Chinese stop words lack them, and in a heading
  // (在营业厅怎么说) they would outweigh the word that carries the question. Dropped
  // like stop words (never when nothing else is left).
  var HAN_STOP = new Set(["怎么", "怎样", "如何", "怎么办", "什么", "为什么", "吗", "呢", "吧",
    "了", "的", "是", "会", "能", "还能", "要", "我", "我的"]);

  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
  var HAN_THEN_OTHER = new RegExp("([" + HAN + "])(?=[^" + HAN + "\\s])", "g");
  var OTHER_THEN_HAN = new RegExp("([^" + HAN + "\\s])(?=[" + HAN + "])", "g");
  // Everything that is not a letter, digit, "*" or "#" separates terms.
  var SEPARATOR = /[^\p{L}\p{N}*#]+/gu;
  var WORD = /^[\p{L}]+$/u;
  var HAN_ONLY = /^\p{sc=Han}+$/u;

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

  // ── Readers' words (issue 17) ───────────────────────────────────────────
  // `options.synonyms` is the language's part of docs/_data/search-synonyms.yml
  // (from the index's config): a word -> words it adds to the query. Russian and
  // English words are matched by stem; Chinese ones anywhere in a Han run. Tables
  // are Maps (never plain-object lookups: a query word such as "constructor" must
  // not find anything).
  var prepared = new WeakMap();

  function stemOf(word, stem) {
    if (!stem || !WORD.test(word) || word.length <= 2) return word;
    try { var s = stem(word) || word; return s.length < 2 ? word : s; } catch (e) { return word; }
  }

  function synonymTable(raw, stem) {
    if (!raw || typeof raw !== "object") return null;
    if (prepared.has(raw)) return prepared.get(raw);
    var words = new Map(), han = [];
    var isHan = new RegExp("^[" + HAN + "]+$");
    Object.keys(raw).forEach(function (key) {
      var values = Array.isArray(raw[key]) ? raw[key].map(function (v) { return String(v).toLowerCase(); }) : [];
      var k = String(key).toLowerCase();
      if (isHan.test(k)) han.push([k, values]);
      else { words.set(k, values); words.set(stemOf(k, stem), values); }
    });
    var table = { words: words, han: han };
    prepared.set(raw, table);
    return table;
  }

  // Chinese: a reader's word in the (unsegmented) query becomes the words it stands
  // for, and stays only if the index has it (otherwise it would be cut into single
  // characters that match everything).
  function replaceHan(text, table, vocabulary) {
    if (!table || !table.han.length) return text;
    table.han.forEach(function (entry) {
      if (text.indexOf(entry[0]) === -1) return;
      var keep = vocabulary && vocabulary.has(entry[0]) ? entry[0] + " " : "";
      text = text.split(entry[0]).join(" " + keep + entry[1].join(" ") + " ");
    });
    return text;
  }

  // The words that a query's own (Russian, English or Latin) words add.
  function synonymsOf(words, table) {
    var out = [];
    if (!table) return out;
    words.forEach(function (word) {
      var values = table.words.get(word);
      if (values) out.push.apply(out, values);
    });
    return out;
  }
  // ── end of readers' words ─────────────────────────────────────────────────

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
      .replace(SEPARATOR, " ");
    var table = synonymTable(options && options.synonyms, stem);
    text = replaceHan(text, table, vocabulary)
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
    var kept = words.filter(function (w) {
      return !(isStop && WORD.test(w) && isStop(w)) && !HAN_STOP.has(w);
    });
    if (!kept.length) kept = words;
    var fold = (options && options.fold) || foldTable(stem);
    var known = options && options.known;
    var fuzzy = [];
    function folded(word) {
      var stemmed = stemOf(word, stem);
      return fold.get(word) || fold.get(stemmed) || stemmed;
    }
    kept.forEach(function (word) {
      var term = folded(word);
      add(term);
      // a typo: nothing in the index starts with the word's stem, and it is no
      // reader's word of the synonyms file (those add the pages' words instead)
      if (options && options.fuzzy && known && WORD.test(word) && !HAN_ONLY.test(word)
          && word.length >= MIN_FUZZY && !fold.has(term) && !known(term)
          && !(table && (table.words.has(word) || table.words.has(stemOf(word, stem))))) {
        fuzzy.push(word + "~1");
      }
    });
    // Readers' words: what they add is stemmed, folded and cut like the query's own words.
    var stems = kept.map(function (w) { return stemOf(w, stem); });
    synonymsOf(kept.concat(stems), table).forEach(function (value) {
      value.replace(SEPARATOR, " ").trim().split(/\s+/).forEach(function (w) {
        if (w) add(folded(w));
      });
    });
    fuzzy.forEach(add);
    return terms.join(" ");
  }

  // ── Results (issue 26) ────────────────────────────────────────────────────
  // A result's text (HTML: <p>, <li>, <code>, <mark> …) cut after about `max`
  // characters of text, at a word's end, its open tags closed: the result list shows
  // two or three lines of it, and drawing whole sections cost most of a query's time
  // on a phone. Words marked after the cut stay, hidden, so that the result's link
  // still names them (sim-highlight.js reads the marks). Entities are never split.
  var VOID = /^<(br|hr|img|wbr|input)\b/i;
  function trimHtml(html, max) {
    if (typeof html !== "string" || html.length <= max) return html;
    var tokens = html.match(/<[^>]*>|[^<]+/g) || [];
    var out = "", shown = 0, open = [], i = 0;
    for (; i < tokens.length && shown < max; i++) {
      var t = tokens[i];
      if (t.charAt(0) === "<") {
        out += t;
        if (/^<\//.test(t)) open.pop();
        else if (!VOID.test(t) && !/\/>$/.test(t)) open.push(t.replace(/^<([\w-]+)[\s\S]*$/, "$1"));
        continue;
      }
      var text = t.replace(/&[#\w]+;/g, "&");  // length as the reader sees it
      if (shown + text.length <= max) { out += t; shown += text.length; continue; }
      // cut inside this text: at the last space before the limit, never in an entity
      var cut = max - shown, at = 0, seen = 0;
      while (at < t.length && seen < cut) {
        if (t.charAt(at) === "&") { var m = /^&[#\w]+;/.exec(t.slice(at)); at += m ? m[0].length : 1; }
        else at++;
        seen++;
      }
      var space = t.lastIndexOf(" ", at);
      if (space > 0 && !/[\u3400-\u9fff]/.test(t.slice(space, at))) at = space;
      out += t.slice(0, at) + "…";
      shown = max;
      i++;
      break;
    }
    if (i >= tokens.length) return html;
    var rest = tokens.slice(i).join(""), words = [], seenWord = new Set();
    rest.replace(/<mark\b[^>]*>([\s\S]*?)<\/mark>/g, function (all, word) {
      var w = word.replace(/<[^>]*>/g, "");
      if (w && !seenWord.has(w.toLowerCase())) { seenWord.add(w.toLowerCase()); words.push("<mark>" + w + "</mark>"); }
      return all;
    });
    while (open.length) out += "</" + open.pop() + ">";
    if (words.length) out += "<span hidden>" + words.join(" ") + "</span>";
    return out;
  }
  // ── end of results ────────────────────────────────────────────────────────

  root.SimQuery = {
    normalise: normalise, segment: segment, vocabularyOf: vocabularyOf, MAX_LENGTH: MAX_LENGTH,
    synonymTable: synonymTable, foldTable: foldTable, NAME_GROUPS: NAME_GROUPS,
    trimHtml: trimHtml
  };
})(typeof self !== "undefined" ? self : this);
