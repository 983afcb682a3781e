/* Search highlight that cannot garble the page (issue 26).
 *
 * Material's `search.highlight` escaped the page's text and then replaced inside the
 * HTML: ?h=quot showed `&quot;` as text and ?h=%20 inserted twenty thousand marks.
 * That feature is off (mkdocs.yml); this script does its two jobs:
 *   - a link in the search results gets ?h= with the words the result list marked
 *     for that result (what matched, as the page writes it);
 *   - a page opened with ?h= marks those words by walking its text nodes and
 *     splitting them: it never reads or writes HTML, so no text can change. A word
 *     is marked where a word of the page starts with it (the whole word is marked);
 *     a Chinese term wherever it occurs. Terms shorter than two characters, terms
 *     with no letter or digit, and terms after the first eight are ignored; at most
 *     MAX_MARKS marks are placed.
 */
(function () {
  "use strict";

  var MAX_TERMS = 8, MAX_MARKS = 50, MIN_LENGTH = 2;
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var LETTER = /[\p{L}\p{N}]/u;
  var SKIP = { SCRIPT: 1, STYLE: 1, NOSCRIPT: 1, TEXTAREA: 1, INPUT: 1, SELECT: 1, MARK: 1, svg: 1, BUTTON: 1 };

  // The terms a ?h= value names: lower case, unique, long enough, with a letter or digit.
  function termsOf(value) {
    var out = [];
    String(value || "").toLowerCase().split(/\s+/).forEach(function (term) {
      term = term.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (Array.from(term).length < MIN_LENGTH || !LETTER.test(term)) return;
      if (out.indexOf(term) === -1 && out.length < MAX_TERMS) out.push(term);
    });
    return out;
  }

  // -- The result list: each link carries the words marked in its own result ------
  function tagLinks(root) {
    root.querySelectorAll("a.md-search-result__link").forEach(function (link) {
      var words = [];
      link.querySelectorAll("mark").forEach(function (mark) { words.push(mark.textContent); });
      var terms = termsOf(words.join(" "));
      var href = link.getAttribute("href");
      if (!terms.length || !href) return;
      try {
        var url = new URL(href, location.href);
        if (url.searchParams.get("h") === terms.join(" ")) return;
        url.searchParams.set("h", terms.join(" "));
        link.setAttribute("href", url.href);
      } catch (e) { /* leave the link as it is */ }
    });
  }

  var results = document.querySelector(".md-search-result");
  if (results && typeof MutationObserver !== "undefined") {
    new MutationObserver(function () { tagLinks(results); })
      .observe(results, { childList: true, subtree: true });
  }

  // -- The page opened from a result ---------------------------------------------
  var match = /[?&]h=([^&#]*)/.exec(location.search);
  if (!match) return;
  var value;
  try { value = decodeURIComponent(match[1].replace(/\+/g, " ")); } catch (e) { return; }
  var terms = termsOf(value);
  var article = document.querySelector("article");
  if (!terms.length || !article) return;

  // The first match in `text` (already lower case): [start, end) or null.
  function find(text, from) {
    var best = null;
    terms.forEach(function (term) {
      var at = text.indexOf(term, from);
      if (!HAN.test(term)) {
        // a word that starts with the term: not inside another word
        while (at !== -1 && at > 0 && LETTER.test(text.charAt(at - 1))) at = text.indexOf(term, at + 1);
      }
      if (at === -1 || (best && best[0] <= at)) return;
      var end = at + term.length;
      if (!HAN.test(term)) while (end < text.length && LETTER.test(text.charAt(end))) end++;
      best = [at, end];
    });
    return best;
  }

  var nodes = [];
  var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: function (node) {
      for (var el = node.parentNode; el && el !== article; el = el.parentNode) {
        if (SKIP[el.nodeName] || (el.classList && el.classList.contains("headerlink"))) return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    }
  });
  while (walker.nextNode()) nodes.push(walker.currentNode);

  var marks = 0;
  for (var i = 0; i < nodes.length && marks < MAX_MARKS; i++) {
    var node = nodes[i];
    var lower = node.data.toLowerCase();
    if (lower.length !== node.data.length) continue;  // a case change moved the offsets
    var from = 0, hit;
    while (marks < MAX_MARKS && (hit = find(lower, from))) {
      // node holds the text from `from` on; split off the match and wrap it
      var word = node.splitText(hit[0] - from);
      node = word.splitText(hit[1] - hit[0]);
      var mark = document.createElement("mark");
      mark.setAttribute("data-sim-highlight", "");
      word.parentNode.replaceChild(mark, word);
      mark.appendChild(word);
      marks++;
      from = hit[1];
    }
  }
})();
