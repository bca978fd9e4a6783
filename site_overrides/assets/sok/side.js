// The search page: runs motor.js on the query from the field (and from ?q=), shows the crisis help box,
// the place box, «Mente du …?», the results, and the filters once the reader opens them.
// All text comes from the page (generator/site/templates/sok.md.j2); results are written as text, never as HTML.
import {createSearch} from "./motor.js";

const ROOT = new URL("../../", import.meta.url);
const PAGE_SIZE = 10;
const TYPING_PAUSE = 250;
const MARK = "⁂";  // starts the hidden spellings without æøå (generator/site/search_folding.py): never an excerpt

const $ = (id) => document.getElementById(id);
const form = $("sok-skjema");
const field = $("sok-felt");
const status = $("sok-status");
const list = $("sok-treff");
const more = $("sok-flere");
const crisisBox = $("sok-krise");
const placeBox = $("sok-sted");
const meant = $("sok-mente");
const help = $("sok-hjelp");
const filterBox = $("sok-filter");
const filterList = $("sok-filtre");

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? values[key] : whole));
}

// Pagefind's excerpt is escaped text with <mark> around the words found: rebuilt here as text nodes.
// A textarea decodes the entities and nothing else (its content is never markup), spaces kept.
const decoder = document.createElement("textarea");

function decode(escaped) {
  decoder.innerHTML = escaped;
  return decoder.value;
}

function excerptNodes(excerpt) {
  const nodes = [];
  excerpt.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
    const marked = part.startsWith("<mark>");
    const text = decode(marked ? part.slice(6, -7) : part);
    if (!text) {
      return;
    }
    if (marked) {
      const mark = document.createElement("mark");
      mark.textContent = text;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(text));
    }
  });
  return nodes;
}

function excerptOf(page) {
  if (page.overview) {
    return [document.createTextNode(list.dataset.samleside)];
  }
  if (!page.excerpt.includes(MARK)) {
    return excerptNodes(page.excerpt);
  }
  const start = page.content.split(MARK)[0].split(/\s+/).slice(0, 30).join(" ");
  return [document.createTextNode(start + " …")];
}

async function main() {
  const pagefind = await import(new URL("pagefind/pagefind.js", ROOT).href);
  const config = await (await fetch(new URL("sok/oppsett.json", ROOT))).json();
  const engine = createSearch(pagefind, config, new URL("sok/" + config.ordliste, ROOT).href);
  let asked = 0;
  let current = null;
  let shown = 0;
  let filters = {};
  let exact = new URLSearchParams(location.search).get("eksakt") === "1";

  function link(text, href) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  async function showMore() {
    const batch = current.results.slice(shown, shown + PAGE_SIZE);
    const pages = await Promise.all(batch.map((result) => result.data()));
    for (const page of pages) {
      const item = document.createElement("li");
      const title = document.createElement("h2");
      title.className = "hn-treff__tittel";
      title.appendChild(link(page.meta.title || page.url, page.url));
      const text = document.createElement("p");
      text.append(...excerptOf(page));
      item.append(title, text);
      list.appendChild(item);
    }
    shown += batch.length;
    more.hidden = shown >= current.results.length;
  }

  function showPlace(place, onlyPlace) {
    placeBox.replaceChildren();
    placeBox.hidden = !place || (!place.neighbourhood && !onlyPlace);
    if (placeBox.hidden) {
      return;
    }
    const template = place.neighbourhood ? placeBox.dataset.nabolag : placeBox.dataset.bydel;
    template.split(/(\{sted\}|\{bydel\})/).forEach((part) => {
      if (part === "{sted}") {
        const strong = document.createElement("strong");
        strong.textContent = place.name;
        placeBox.appendChild(strong);
      } else if (part === "{bydel}") {
        placeBox.appendChild(link(place.bydel, ROOT.pathname + place.url));
      } else if (part) {
        placeBox.appendChild(document.createTextNode(part));
      }
    });
  }

  function showMeant(found, typed) {
    meant.replaceChildren();
    meant.hidden = !found.corrected;
    if (found.corrected) {
      meant.appendChild(document.createTextNode(fill(meant.dataset.tekst, {forslag: found.corrected}) + " "));
      const url = new URL(location.href);
      url.searchParams.set("q", typed);
      url.searchParams.set("eksakt", "1");
      meant.appendChild(link(fill(meant.dataset.lenke, {sok: typed}), url.href));
    }
  }

  async function run() {
    const typed = field.value.trim();
    const mine = ++asked;
    const url = new URL(location.href);
    if (typed) {
      url.searchParams.set("q", typed);
    } else {
      url.searchParams.delete("q");
    }
    if (!exact) {
      url.searchParams.delete("eksakt");
    }
    history.replaceState(null, "", url);
    if (!typed) {
      current = null;
      list.replaceChildren();
      [crisisBox, placeBox, meant, more].forEach((box) => { box.hidden = true; });
      status.textContent = "";
      help.hidden = false;
      return;
    }
    status.textContent = status.dataset.soker;
    const found = await engine.search(typed, Object.keys(filters).length ? filters : null, {exact});
    if (mine !== asked) {
      return;  // the reader has typed on: a newer search is running
    }
    current = found;
    shown = 0;
    list.replaceChildren();
    crisisBox.hidden = !found.crisis;
    showPlace(found.place, found.pinned.length > 0 && !found.crisis);
    showMeant(found, typed);
    const count = found.results.length;
    const template = count === 0 ? status.dataset.ingen : count === 1 ? status.dataset.ett : status.dataset.treff;
    status.textContent = fill(template, {antall: count, sok: typed});
    help.hidden = count > 0 || found.crisis;
    filterBox.hidden = false;
    await showMore();
  }

  let timer = null;
  field.addEventListener("input", () => {
    exact = false;
    clearTimeout(timer);
    timer = setTimeout(run, TYPING_PAUSE);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  more.addEventListener("click", () => showMore());

  // The filters load only when opened: their data grows with the site, the first query should not.
  filterBox.addEventListener("toggle", async () => {
    if (!filterBox.open || filterList.dataset.lastet) {
      return;
    }
    filterList.dataset.lastet = "1";
    filterList.textContent = filterList.dataset.laster;
    const available = await pagefind.filters();
    filterList.replaceChildren();
    Object.entries(available).forEach(([name, values], group) => {
      const set = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.textContent = name;
      set.appendChild(legend);
      Object.entries(values).sort(([a], [b]) => a.localeCompare(b, "nb")).forEach(([value, total], index) => {
        const id = `sok-filter-${group}-${index}`;
        const box = document.createElement("input");
        box.type = "checkbox";
        box.id = id;
        box.value = value;
        box.addEventListener("change", () => {
          const chosen = [...set.querySelectorAll("input:checked")].map((input) => input.value);
          if (chosen.length) {
            filters[name] = {any: chosen};
          } else {
            delete filters[name];
          }
          run();
        });
        const label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = `${value} (${total})`;
        const row = document.createElement("div");
        row.append(box, label);
        set.appendChild(row);
      });
      filterList.appendChild(set);
    });
  });

  const query = new URLSearchParams(location.search).get("q");
  if (query) {
    field.value = query;
    await run();
  }
}

main();
