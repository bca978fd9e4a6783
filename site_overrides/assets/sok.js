// Starts Pagefind's default UI on the search page and runs the query from ?q= (the header form).
window.addEventListener("DOMContentLoaded", function () {
  var ui = new PagefindUI({
    element: "#sok",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    translations: {
      placeholder: "Søk etter tjeneste, bydel eller tema",
      zero_results: "Fant ingenting for [SEARCH_TERM]. Prøv et annet ord, eller velg bydel fra forsiden."
    }
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
});
