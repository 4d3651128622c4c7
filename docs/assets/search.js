/*
 * The site's search interface, loaded by search-on-demand.js when a reader starts a search. It drives Material's
 * own search worker (lunr, with the stemmer of the page's language) and index, and shows the results in
 * Material's markup and styles, with Material's keys: type to search, Up and Down move through the results,
 * Enter opens the best one, Escape (or Tab) closes. What it adds: the results' message is a polite status, so
 * a screen reader hears how many pages match. It replaces Material's 35 KB bundle, of which search used a
 * small part; a first search now fetches this file, the worker and the index (BENCHMARKS.md has the figures).
 * Settings come from the loader's tag (worker, base) and the result box's data-* words (overrides/partials/search.html).
 */
(function () {
  "use strict";

  var loader = document.querySelector("script[data-worker]");
  var input = document.querySelector(".md-search__input");
  var toggle = document.getElementById("__search");
  var box = document.querySelector(".md-search-result");
  if (!loader || !input || !toggle || !box) {
    return;
  }
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var scroller = document.querySelector(".md-search__scrollwrap");
  var base = new URL(loader.getAttribute("data-scope") || ".", location);
  var words = box.dataset;
  var ready = false;
  var shown = []; // result groups not yet rendered (ten at a time, more as the list scrolls)

  function word(name, count) {
    return (words[name] || "").replace("#", String(count));
  }

  function setOpen(open) {
    if (toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  function listState() {
    list.setAttribute("role", toggle.checked ? "list" : "presentation");
    list.hidden = !toggle.checked;
  }

  function element(tag, attributes, html) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (html) {
      node.innerHTML = html; // the worker's text: our own index, with <mark> around the matched words
    }
    return node;
  }

  // One page or section of a result, as Material writes it (its title a heading; a section's text as teaser).
  function documentLink(doc, parent, teaser) {
    var link = element("a", { href: String(new URL(doc.location, base)), "class": "md-search-result__link", tabindex: "-1" });
    var article = element("article", { "class": "md-search-result__article md-typeset", "data-md-score": doc.score.toFixed(2) });
    if (parent) {
      article.appendChild(element("div", { "class": "md-search-result__icon md-icon" }));
    }
    article.appendChild(element(parent ? "h1" : "h2", null, doc.title));
    if (teaser && doc.text) {
      article.insertAdjacentHTML("beforeend", doc.text);
    }
    var missing = Object.keys(doc.terms || {}).filter(function (term) { return !doc.terms[term]; });
    if (teaser && missing.length) {
      var terms = element("p", { "class": "md-search-result__terms" });
      terms.appendChild(document.createTextNode(word("missing") + ": "));
      missing.forEach(function (term, index) {
        terms.appendChild(element("del")).textContent = term;
        if (index < missing.length - 1) { terms.appendChild(document.createTextNode(" ")); }
      });
      article.appendChild(terms);
    }
    link.appendChild(article);
    return link;
  }

  // One result: the page, then its sections that scored as well as the best, the others folded away.
  function resultItem(group) {
    var threshold = group[0].score;
    var docs = group.slice();
    var parentIndex = docs.findIndex(function (doc) { return String(new URL(doc.location, base)).indexOf("#") < 0; });
    var page = docs.splice(Math.max(parentIndex, 0), 1)[0];
    var best = docs.findIndex(function (doc) { return doc.score < threshold; });
    if (best < 0) { best = docs.length; }
    var item = element("li", { "class": "md-search-result__item" });
    item.appendChild(documentLink(page, true, parentIndex === 0 && best === 0));
    docs.slice(0, best).forEach(function (doc) { item.appendChild(documentLink(doc, false, true)); });
    var more = docs.slice(best);
    if (more.length) {
      var details = element("details", { "class": "md-search-result__more" });
      var summary = element("summary", { tabindex: "-1" });
      summary.appendChild(element("div")).textContent = more.length === 1 ? word("moreOne") : word("moreOther", more.length);
      details.appendChild(summary);
      more.forEach(function (doc) { details.appendChild(documentLink(doc, false, true)); });
      item.appendChild(details);
    }
    return item;
  }

  function renderMore() {
    shown.splice(0, 10).forEach(function (group) { list.appendChild(resultItem(group)); });
  }

  function render(result) {
    var items = result.items || [];
    meta.textContent = items.length === 0 ? (input.value ? word("none") : word("placeholder"))
      : items.length === 1 ? word("one") : word("other", items.length);
    list.innerHTML = "";
    shown = items.slice();
    renderMore();
  }

  var worker = new Worker(loader.getAttribute("data-worker"));
  worker.onmessage = function (message) {
    if (message.data.type === 1) {
      ready = true;
      meta.textContent = word("placeholder");
      query();
    } else if (message.data.type === 3) {
      render(message.data.data);
    }
  };
  fetch(new URL("search/search_index.json", base)).then(function (response) { return response.json(); }).then(function (index) {
    worker.postMessage({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  });

  function query() {
    if (ready) {
      worker.postMessage({ type: 2, data: input.value });
    }
  }

  function links() {
    return [input].concat(Array.prototype.slice.call(list.querySelectorAll(":not(details) > [href], summary, details[open] [href]")));
  }

  function editable(node) {
    return node && (node.isContentEditable || /^(input|select|textarea)$/i.test(node.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.altKey || event.metaKey) {
      return;
    }
    var active = document.activeElement;
    if (!toggle.checked) {
      // Closed: "/", "s" or "f" outside a form field opens search, as Material does.
      if (!editable(active) && /^[/sf]$/i.test(event.key)) {
        event.preventDefault();
        input.focus();
        input.select();
      }
      return;
    }
    if (event.key === "Enter") {
      if (active === input) { // the best result: the highest score among each result's first link
        var best = null;
        Array.prototype.forEach.call(list.querySelectorAll(":scope > li > a"), function (link) {
          var score = parseFloat(link.firstElementChild.getAttribute("data-md-score"));
          if (!best || score > best.score) { best = { link: link, score: score }; }
        });
        event.preventDefault();
        if (best) { best.link.click(); }
      } // on a result, the browser follows the link
    } else if (event.key === "Escape" || event.key === "Esc" || event.key === "Tab") {
      setOpen(false);
      input.blur();
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      var all = links();
      var at = Math.max(0, all.indexOf(active));
      all[(at + all.length + (event.key === "ArrowUp" ? -1 : 1)) % all.length].focus();
      event.preventDefault();
    } else if (active !== input && !(event.key === " " && active && active.tagName === "SUMMARY")) {
      input.focus(); // typing anywhere in open search goes on in the field
    }
  });

  input.addEventListener("focus", function () { setOpen(true); });
  input.addEventListener("input", query);
  input.form.addEventListener("submit", function (event) { event.preventDefault(); });
  input.form.addEventListener("reset", function () {
    setTimeout(function () { query(); input.focus(); }, 0);
  });
  toggle.addEventListener("change", listState);
  list.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a")) { setOpen(false); } // a section of this page: close over it
  });
  if (scroller) {
    scroller.addEventListener("scroll", function () {
      if (shown.length && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 200) { renderMore(); }
    });
  }
  var label = document.querySelector('header label[for="__search"]');
  if (label) {
    label.addEventListener("click", function () { input.focus(); });
  }
  listState();
  if (document.activeElement === input) {
    setOpen(true);
  }
})();
