/*
 * Material's JavaScript bundle (35 KB gzip), and with it the search worker and index, loads only when a
 * reader starts a search: focus or click on the search field, the header's search button, or the "/" and
 * "s" shortcuts. Everything else (navigation drawer, sections, sticky header, checklist) works without it.
 * The bundle's URL comes from this script tag's data-bundle attribute, the site's base from data-scope
 * (overrides/main.html).
 */
(function () {
  "use strict";

  var tag = document.currentScript;
  var bundle = tag && tag.getAttribute("data-bundle");
  var input = document.querySelector('[data-md-component="search-query"]');
  var toggle = document.getElementById("__search");
  if (!bundle || !input || !toggle) {
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
    document.removeEventListener("keydown", shortcut);
    startUp(tag.getAttribute("data-scope") || ".");
    // Hack: the bundle starts its components on DOMContentLoaded, which has passed by now. The listeners it
    // registers for that event while it runs are kept and called once it has run, as the browser would have.
    var listen = document.addEventListener;
    var waiting = [];
    document.addEventListener = function (type, listener, options) {
      if (type === "DOMContentLoaded") {
        waiting.push(listener);
        return undefined;
      }
      return listen.call(document, type, listener, options);
    };
    var script = document.createElement("script");
    script.src = bundle;
    script.onload = script.onerror = function () {
      delete document.addEventListener;
      var event = new Event("DOMContentLoaded");
      waiting.forEach(function (listener) {
        if (typeof listener === "function") {
          listener.call(document, event);
        } else if (listener && typeof listener.handleEvent === "function") {
          listener.handleEvent(event);
        }
      });
    };
    document.body.appendChild(script);
  }

  // Material's start-up settings, which it writes as an inline script (partials/javascripts/base.html of
  // Material 9.8.1); set here, so pages carry no inline JavaScript for the Content-Security-Policy to allow.
  function startUp(scope) {
    window.__md_scope = new URL(scope, location);
    window.__md_hash = function (value) {
      return Array.prototype.reduce.call(value, function (hash, char) { return (hash << 5) - hash + char.charCodeAt(0); }, 0);
    };
    window.__md_get = function (key, storage, base) {
      storage = storage || localStorage;
      base = base || window.__md_scope;
      return JSON.parse(storage.getItem(base.pathname + "." + key));
    };
    window.__md_set = function (key, value, storage, base) {
      storage = storage || localStorage;
      base = base || window.__md_scope;
      try { storage.setItem(base.pathname + "." + key, JSON.stringify(value)); } catch (error) { /* storage full or off */ }
    };
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
