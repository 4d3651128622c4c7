/*
 * Small extras for patient pages, all on the reader's device only (nothing is stored or sent).
 *
 * 1. Glossary terms: the definition shows on hover and keyboard focus with CSS alone. This adds what CSS cannot:
 *    Escape hides the definition that is showing (WCAG 1.4.13) until the pointer or focus leaves the word, and a
 *    definition near the screen's right edge is moved left so it never runs off a narrow phone screen.
 * 2. Menu and search on a phone: Material opens them from <label>s in the header, which the Tab key never
 *    reaches. Each gets a real <button> in its place (aria-expanded; focus moves into what it opens).
 * 3. Printing opens collapsed <details> in browsers without CSS ::details-content, and closes them after.
 * 4. A link to a content tab opens that tab, as Material's inline script does (overrides/partials/javascripts/).
 */
(function () {
  "use strict";

  var terms = Array.prototype.slice.call(document.querySelectorAll(".glossary-term"));

  function fit(term) {
    var tip = term.querySelector(".glossary-term__tip");
    if (!tip) { return; }
    tip.style.removeProperty("--glossary-shift");
    var box = tip.getBoundingClientRect();
    var room = document.documentElement.clientWidth - 8;
    if (box.width && box.right > room) {
      tip.style.setProperty("--glossary-shift", Math.min(box.right - room, box.left - 8) + "px");
    }
  }

  function restore(term) { term.classList.remove("glossary-term--dismissed"); }

  terms.forEach(function (term) {
    term.addEventListener("mouseenter", function () { restore(term); fit(term); });
    term.addEventListener("focusin", function () { restore(term); fit(term); });
    term.addEventListener("mouseleave", function () { restore(term); });
    term.addEventListener("focusout", function () { restore(term); });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") { return; }
    terms.forEach(function (term) {
      if (term.matches(":hover") || term.contains(document.activeElement)) {
        term.classList.add("glossary-term--dismissed");
      }
    });
  });
})();

(function () {
  "use strict";

  // A real <button> in place of the header's <label>: same look, same checkbox, but Tab reaches it.
  function keyboardOpener(toggleId, name, focusSelector) {
    var label = document.querySelector('label.md-header__button[for="' + toggleId + '"]');
    var toggle = document.getElementById(toggleId);
    if (!label || !toggle) { return null; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " patient-opener";
    button.setAttribute("data-for", toggleId); // patient.css hides it where Material hides the label
    button.setAttribute("aria-label", name);
    button.setAttribute("aria-expanded", String(toggle.checked));
    button.innerHTML = label.innerHTML;
    label.parentNode.insertBefore(button, label);
    label.hidden = true;
    toggle.addEventListener("change", function () { button.setAttribute("aria-expanded", String(toggle.checked)); });
    button.addEventListener("click", function () {
      toggle.click(); // toggles Material's checkbox and fires its change event, exactly as a tap on the label does
      setTimeout(function () {
        var target = toggle.checked && document.querySelector(focusSelector);
        if (target) { target.focus(); }
      }, 50);
    });
    return button;
  }

  var menu = keyboardOpener("__drawer", "Menu", ".md-sidebar--primary .md-nav__link[href]");
  keyboardOpener("__search", "Search", ".md-search__input");

  // On a phone the closed search field is off screen: Tab skips it (the Search button opens it; "/" still works).
  var search = document.getElementById("__search");
  var input = document.querySelector(".md-search__input");
  var phone = window.matchMedia("(max-width: 59.984375em)");
  function searchTabStop() {
    if (search && input) { input.tabIndex = phone.matches && !search.checked ? -1 : 0; }
  }
  if (search) { search.addEventListener("change", searchTabStop); }
  // Tabbing out of search closes it, so focus never moves on under its dimming overlay.
  document.addEventListener("focusin", function (event) {
    var box = document.querySelector(".md-search");
    if (search && search.checked && box && !box.contains(event.target) && !event.target.matches(".patient-opener")) {
      search.checked = false;
      search.dispatchEvent(new Event("change", { bubbles: true }));
    }
  });
  if (phone.addEventListener) { phone.addEventListener("change", searchTabStop); }
  searchTabStop();

  // The open phone menu covers the page: it closes when focus leaves it, or on Escape (focus back on "Menu").
  var drawer = document.getElementById("__drawer");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (drawer && sidebar && menu) {
    var close = function () {
      drawer.checked = false;
      drawer.dispatchEvent(new Event("change", { bubbles: true }));
    };
    sidebar.addEventListener("focusout", function (event) {
      if (drawer.checked && event.relatedTarget && !sidebar.contains(event.relatedTarget)) { close(); }
    });
    sidebar.addEventListener("keydown", function (event) {
      if (drawer.checked && event.key === "Escape") { close(); menu.focus(); }
    });
  }
})();

(function () {
  "use strict";

  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("article details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target && target.name && target.name.indexOf("__tabbed_") === 0) {
    target.checked = true;
  }
})();
