// Quick exit: leave for a neutral page and replace this page in the history, so Back does not
// return to the navigator. Also on Esc pressed twice within a second.
(function () {
  var link = document.querySelector("[data-hn-rask-utgang]");
  if (!link) { return; }
  function leave(event) {
    if (event) { event.preventDefault(); }
    document.body.style.display = "none";
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var now = Date.now();
    if (now - lastEscape < 1000) { leave(event); }
    lastEscape = now;
  });
})();
