/*
 * Glossary terms: the definition shows on hover and keyboard focus with CSS alone. This adds what CSS cannot:
 * Escape hides the definition that is showing (WCAG 1.4.13) until the pointer or focus leaves the word, and a
 * definition near the screen's right edge is moved left so it never runs off a narrow phone screen.
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
