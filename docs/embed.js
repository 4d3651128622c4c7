/*
 * Embed loader for clinics' websites. Paste, where the page should appear:
 *   <div data-vein-guide-embed="symptoms"><a href="https://…/symptoms/">Symptoms…</a></div>
 *   <script src="https://…/embed.js" async></script>
 * Each such element becomes a titled, lazy-loading iframe of /embed/<name>/ that grows with its content.
 * The frame sends one message shape only: {"type": "vein-guide:height", "height": <integer>}. A message is
 * used only when it comes from this script's own origin AND from one of the frames made here, has exactly
 * those two keys, and its height is a whole number from 1 to 100000 (then kept between 150 and 20000 px).
 * Message data is only ever written to style.height as a number; nothing is written as HTML.
 */
(function () {
  "use strict";
  var TYPE = "vein-guide:height", ATTRIBUTE = "data-vein-guide-embed";
  var MIN = 150, MAX = 20000, LIMIT = 100000;
  var script = document.currentScript;
  if (!script || !script.src || !window.URL) return;
  var base = new URL(".", script.src), origin = base.origin, frames = [];

  function setUp(holder) {
    var name = holder.getAttribute(ATTRIBUTE);
    if (holder.getAttribute(ATTRIBUTE + "-ready") || !/^[a-z0-9-]{1,80}$/.test(name)) return;
    holder.setAttribute(ATTRIBUTE + "-ready", "true");
    var frame = document.createElement("iframe");
    var label = (holder.textContent || "").replace(/\s+/g, " ").trim();
    frame.title = label || "Patient information: " + name;
    frame.src = new URL("embed/" + name + "/", base).href;
    frame.loading = "lazy";
    frame.referrerPolicy = "no-referrer";
    frame.style.width = "100%";
    frame.style.height = "600px";
    frame.style.border = "0";
    frame.style.display = "block";
    while (holder.firstChild) holder.removeChild(holder.firstChild);
    holder.appendChild(frame);
    frames.push(frame);
  }

  function height(data) {
    if (!data || typeof data !== "object" || Object.getPrototypeOf(data) !== Object.prototype) return null;
    var keys = Object.keys(data).sort();
    if (keys.length !== 2 || keys[0] !== "height" || keys[1] !== "type" || data.type !== TYPE) return null;
    var value = data.height;
    if (typeof value !== "number" || !isFinite(value) || Math.floor(value) !== value || value < 1 || value > LIMIT) return null;
    return Math.min(MAX, Math.max(MIN, value));
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    for (var i = 0; i < frames.length; i++) {
      if (event.source === frames[i].contentWindow) {
        var value = height(event.data);
        if (value !== null) frames[i].style.height = value + "px";
        return;
      }
    }
  });

  function scan() {
    Array.prototype.forEach.call(document.querySelectorAll("[" + ATTRIBUTE + "]"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
})();
