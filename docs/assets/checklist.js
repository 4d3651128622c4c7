/*
 * Symptom checklist: the list works without this file (boxes tick, the browser's own Print prints it, and the
 * page says so). This adds four things, all on the reader's device only: remembering ticks in one localStorage
 * key (never sent anywhere), the print and clear buttons (made here, from the labels the page gives, so no
 * reader without scripts, a text browser included, meets a button that does nothing), and the date and address
 * printed on the summary.
 */
(function () {
  "use strict";

  function storage() {
    try {
      var store = window.localStorage;
      store.getItem("probe");
      return store;
    } catch (error) {
      return null; // storage disabled (private mode, blocked cookies): ticks simply are not remembered
    }
  }

  function setUp(checklist) {
    var key = checklist.getAttribute("data-storage-key");
    var boxes = Array.prototype.slice.call(checklist.querySelectorAll('input[type="checkbox"]'));
    var store = storage();

    function saved() {
      try {
        var ids = JSON.parse(store.getItem(key));
        return Array.isArray(ids) ? ids : [];
      } catch (error) {
        return [];
      }
    }

    function save() {
      var ticked = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.id; });
      if (ticked.length) {
        store.setItem(key, JSON.stringify(ticked));
      } else {
        store.removeItem(key);
      }
    }

    if (store) {
      var ids = saved();
      boxes.forEach(function (box) { box.checked = ids.indexOf(box.id) !== -1; });
      checklist.addEventListener("change", save);
    }

    var actions = checklist.querySelector(".checklist__actions");

    function button(label, name, primary) {
      if (!actions || !label) {
        return null;
      }
      var made = document.createElement("button");
      made.type = "button";
      made.className = primary ? "md-button md-button--primary" : "md-button";
      made.setAttribute(name, "");
      made.textContent = label;
      actions.appendChild(made);
      return made;
    }

    var print = button(actions && actions.getAttribute("data-print-label"), "data-checklist-print", true);
    var clear = button(actions && actions.getAttribute("data-clear-label"), "data-checklist-clear", false);
    if (clear) {
      clear.addEventListener("click", function () {
        boxes.forEach(function (box) { box.checked = false; });
        if (store) {
          store.removeItem(key);
        }
      });
    }

    function stamp() {
      var date = checklist.querySelector("[data-checklist-date]");
      var address = checklist.querySelector("[data-checklist-url]");
      if (date) {
        date.textContent = new Date().toLocaleDateString(document.documentElement.lang || undefined, {
          year: "numeric", month: "long", day: "numeric"
        });
      }
      if (address && /^https?:$/.test(location.protocol)) {
        address.textContent = location.origin + location.pathname;
      }
    }

    if (print) {
      print.addEventListener("click", function () { stamp(); window.print(); });
    }
    window.addEventListener("beforeprint", stamp);
    stamp();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-checklist]"), setUp);
})();
