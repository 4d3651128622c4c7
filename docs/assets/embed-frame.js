/*
 * Inside an embed variant (/embed/<page>/) shown in another site's frame.
 * 1. Tell the parent page how tall the content is, so its frame can grow to fit without a scrollbar. The only
 *    message ever sent is {"type": "vein-guide:height", "height": <whole CSS pixels>}: no checklist answer,
 *    no address, nothing else.
 * 2. Where the browser refuses storage to embedded pages (some block it with third-party cookies), say so
 *    next to the checklist: the boxes still tick and print, but are forgotten on reload.
 */
(function () {
  "use strict";
  if (window.parent === window) return;

  function storageAllowed() {
    try {
      window.localStorage.getItem("probe");
      return true;
    } catch (error) {
      return false;
    }
  }

  var checklist = document.querySelector("[data-checklist]");
  var full = document.querySelector(".embed__attribution a[target=_top]");
  if (checklist && full && !storageAllowed()) {
    var note = document.createElement("p");
    note.className = "embed__storage-note";
    note.appendChild(document.createTextNode("This browser does not let embedded pages remember your ticks. "));
    var link = document.createElement("a");
    link.href = full.href;
    link.target = "_top";
    link.textContent = "Open the checklist on its own page";
    note.appendChild(link);
    note.appendChild(document.createTextNode(" to have them remembered on this device."));
    checklist.parentNode.insertBefore(note, checklist);
  }

  if (typeof ResizeObserver !== "function") return;
  var root = document.documentElement, last = -1;

  function report() {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "vein-guide:height", height: height }, "*");
  }

  new ResizeObserver(report).observe(root);
  window.addEventListener("load", report);
  report();
})();
