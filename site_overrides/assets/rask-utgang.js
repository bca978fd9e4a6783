// Quick exit: leave for a neutral page and replace this page in the history, so Back does not
// return to the navigator. Also on Esc pressed twice within a second.
//
// For that to hold after a whole visit, moving within the site replaces the current history entry
// instead of adding one: the visit stays one entry, and the exit replaces that entry too.
// Without JavaScript the links are ordinary links (/personvern/ says what Back does then).
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

  function sameSite(url) {
    return url.origin === location.origin && (url.protocol === "http:" || url.protocol === "https:");
  }

  function go(url) {
    var here = new URL(location.href);
    var sameDocument = url.pathname === here.pathname && url.search === here.search && url.hash;
    window.location.replace(url.href);
    if (sameDocument) {
      // A jump within the page (the skip link): move the keyboard focus as an ordinary link would.
      var target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
      if (target && target.hasAttribute("tabindex")) { target.focus(); }
    }
  }

  // Listened to on the document, after the page's own scripts: a click or a search they already
  // handle themselves (defaultPrevented) is left to them.
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
    var anchor = event.target.closest ? event.target.closest("a[href]") : null;
    if (!anchor || anchor === link || anchor.hasAttribute("download") ||
        (anchor.target && anchor.target !== "_self")) { return; }
    var url = new URL(anchor.href, location.href);
    if (!sameSite(url)) { return; }
    event.preventDefault();
    go(url);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.method || "get").toLowerCase() !== "get" ||
        (form.target && form.target !== "_self")) { return; }
    var url = new URL(form.action || location.href, location.href);
    if (!sameSite(url)) { return; }
    event.preventDefault();
    var query = new URLSearchParams();
    new FormData(form, event.submitter || undefined).forEach(function (value, name) {
      if (typeof value === "string") { query.append(name, value); }
    });
    url.search = query.toString();
    url.hash = "";
    go(url);
  });
})();
