// The story timeline: filter entries (news of the day / background) and move between
// entries with the arrow keys. The page works without it; it only adds these controls.
(function () {
  "use strict";
  var list = document.getElementById("tl-list");
  if (!list) { return; }
  var entries = Array.prototype.slice.call(list.querySelectorAll(".tl-entry"));
  var controls = document.querySelector(".tl-controls");
  var filter = document.getElementById("tl-filter");
  var shown = document.getElementById("tl-shown");

  function visible() {
    return entries.filter(function (e) { return !e.hidden; });
  }

  function apply() {
    var mode = filter.value;
    entries.forEach(function (e) {
      var bg = e.getAttribute("data-background") === "yes";
      e.hidden = (mode === "news" && bg) || (mode === "background" && !bg);
    });
    shown.textContent = visible().length + " of " + entries.length + " entries";
  }

  if (controls && filter && shown) {
    controls.hidden = false;
    filter.addEventListener("change", apply);
    apply();
  }

  list.addEventListener("keydown", function (event) {
    var items = visible();
    var at = items.indexOf(document.activeElement);
    if (at < 0) { return; }
    var next = null;
    if (event.key === "ArrowDown" || event.key === "j") { next = items[at + 1]; }
    if (event.key === "ArrowUp" || event.key === "k") { next = items[at - 1]; }
    if (event.key === "Home") { next = items[0]; }
    if (event.key === "End") { next = items[items.length - 1]; }
    if (next) { event.preventDefault(); next.focus(); }
  });

  entries.forEach(function (e) {
    e.addEventListener("click", function (event) {
      if (event.target.tagName !== "A") { e.focus(); }
    });
  });
})();
