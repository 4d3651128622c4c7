/*
 * The search interface (docs/assets/search.js), and with it Material's search worker and index, loads only when a
 * reader starts a search: focus or click on the search field, the header's search button, or the "/" and "s"
 * shortcuts. Everything else (navigation drawer, sections, sticky header, checklist) works without it.
 * The interface's URL comes from this script tag's data-search attribute (overrides/main.html).
 */
(function () {
  "use strict";

  var tag = document.currentScript;
  var source = tag && tag.getAttribute("data-search");
  var input = document.querySelector('[data-md-component="search-query"]');
  var toggle = document.getElementById("__search");
  if (!source || !input || !toggle) {
    return;
  }
  // Shows the search field and button that Material hides while the page has no JavaScript (site.css).
  document.documentElement.classList.add("search-on-demand");

  var requested = false;

  function load() {
    if (requested) {
      return;
    }
    requested = true;
    document.removeEventListener("keydown", shortcut); // the interface has its own from now on
    var script = document.createElement("script");
    script.src = source;
    document.body.appendChild(script);
  }

  function editable(element) {
    return element && (element.isContentEditable || /^(input|select|textarea)$/i.test(element.tagName));
  }

  function shortcut(event) {
    if (event.ctrlKey || event.altKey || event.metaKey || editable(event.target)) {
      return;
    }
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  }

  input.addEventListener("focus", load);
  input.addEventListener("pointerdown", load);
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      input.focus();
    }
  });
  document.addEventListener("keydown", shortcut);
  if (document.activeElement === input) {
    load();
  }
})();
