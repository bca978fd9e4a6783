// Starts Pagefind's default UI on the search page and runs the query from ?q= (the header form).
// The help under the results (#sok-hjelp: paths, emergency numbers, bydeler) shows while the box is
// empty or when nothing was found, so the page is never a blank box.
window.addEventListener("DOMContentLoaded", function () {
  var zeroResults = "Fant ingenting for [SEARCH_TERM].";
  var ui = new PagefindUI({
    element: "#sok",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    translations: {
      placeholder: "Søk etter tjeneste, bydel eller tema",
      zero_results: zeroResults
    }
  });

  var root = document.getElementById("sok");
  var help = document.getElementById("sok-hjelp");
  var below = document.getElementById("sok-under");
  if (help && below) {
    below.appendChild(help);
    var nothingFound = zeroResults.split("[SEARCH_TERM]")[0];
    var update = function () {
      var input = root.querySelector(".pagefind-ui__search-input");
      var term = input ? input.value.trim() : "";
      var message = root.querySelector(".pagefind-ui__message");
      var empty = message !== null && message.textContent.trim().indexOf(nothingFound) === 0 &&
        root.querySelector(".pagefind-ui__result") === null;
      help.hidden = term !== "" && !empty;
    };
    new MutationObserver(update).observe(root, {childList: true, subtree: true, characterData: true});
    root.addEventListener("input", update);
    update();
  }

  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    if (help) {
      help.hidden = true;
    }
    ui.triggerSearch(query);
  }
});
