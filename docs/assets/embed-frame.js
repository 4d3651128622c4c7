/*
 * Inside an embed variant (/embed/<page>/) shown in another site's frame: tell the parent page how tall the
 * content is, so its frame can grow to fit without a scrollbar. The only message ever sent is
 * {"type": "vein-guide:height", "height": <whole CSS pixels>}: no checklist answer, no address, nothing else.
 */
(function () {
  "use strict";
  if (window.parent === window || typeof ResizeObserver !== "function") return;
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
