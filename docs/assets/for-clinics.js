/*
 * Copy buttons on /for-clinics/. Each button copies the snippet in the <code> it names. It uses the
 * Clipboard API where the browser offers it; otherwise it selects the snippet and tries the older copy
 * command; if that fails too, the snippet stays selected and the status line says to press Ctrl+C (⌘C).
 * A page's live preview is a frame put into its <details> when opened, so the page loads no previews
 * until asked (without JavaScript the details hold a link to the preview).
 */
(function () {
  "use strict";

  function select(code) {
    var range = document.createRange();
    range.selectNodeContents(code);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function legacyCopy(code) {
    select(code);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function setUp(button) {
    var code = document.getElementById(button.getAttribute("data-copy"));
    var status = document.querySelector('[data-copy-status="' + button.getAttribute("data-copy") + '"]');
    if (!code || !status) return;
    function say(text) { status.textContent = text; }
    function fallback() {
      if (legacyCopy(code)) {
        say("Copied.");
      } else {
        select(code);
        say("Selected: press Ctrl+C (or ⌘C on a Mac) to copy.");
      }
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      say("");
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(code.textContent).then(function () { say("Copied."); }, fallback);
      } else {
        fallback();
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), setUp);

  Array.prototype.forEach.call(document.querySelectorAll("details[data-preview]"), function (details) {
    details.addEventListener("toggle", function () {
      if (!details.open || details.querySelector("iframe")) return;
      var frame = document.createElement("iframe");
      frame.className = "embed-preview";
      frame.src = details.getAttribute("data-preview");
      frame.title = details.getAttribute("data-preview-title");
      var link = details.querySelector(".embed-page__preview-link");
      if (link) link.hidden = true;
      details.appendChild(frame);
    });
  });
})();
