// The search itself, on top of Pagefind's own API: the search page (side.js) and the evaluation
// (tests/search_eval.py) both call search(), so what is measured is what readers get.
//
// Pagefind alone finds only pages holding every word as typed. On top of that, in order:
//  1. the query is folded as the index's extra spellings are (ø→o, æ→ae, ü→u; generator/site/search_folding.py),
//  2. small words (jeg, min, på) are left out, unless the query has nothing else,
//  3. a word that finds nothing anywhere is corrected to the nearest word of the site's vocabulary
//     (edit distance ≤ 2, ≤ 1 for short words): «Mente du …?»,
//  4. a bydel or a neighbourhood named in the query puts that bydel's pages first,
//  5. when all the words together find little, pages with most of the words follow.
// Crisis words are matched on the query as typed (whole words, in order), before any of this.

export function fold(text) {
  return text.toLowerCase().replace(/ø/g, "o").replace(/æ/g, "ae").replace(/ü/g, "u");
}

export function words(text) {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// Pagefind also finds a word by its first letters, either way round: «hammesborg» finds pages with «ha».
// A word counts as found when a found word begins with it, or they differ only in an ending (skolen, skole).
export function foundAsTyped(word, foundWords) {
  return foundWords.some((found) => {
    const other = words(found).join("");
    let common = 0;
    while (common < word.length && common < other.length && word[common] === other[common]) {
      common++;
    }
    return common === word.length || (common >= 4 && common >= word.length - 2);
  });
}

// Crisis words are compared looser still: «å» typed as a or aa, «æ» as ae or a all count alike.
function crisisKey(word) {
  return fold(word).replace(/å/g, "a").replace(/aa/g, "a").replace(/ae/g, "a");
}

// Does the query hold one of the crisis expressions? "selvmordstank*" matches any word so begun.
export function crisisMatch(query, expressions) {
  const typed = words(query).map(crisisKey);
  return expressions.some((expression) => {
    const wanted = expression.split(" ").filter(Boolean);
    for (let start = 0; start + wanted.length <= typed.length; start++) {
      const fits = wanted.every((word, i) => {
        const got = typed[start + i];
        if (word.endsWith("*")) {
          return got.startsWith(crisisKey(words(word.slice(0, -1)).join("")));
        }
        return got === crisisKey(words(word).join(""));
      });
      if (fits) {
        return true;
      }
    }
    return false;
  });
}

// Optimal string alignment distance (a swap of two letters counts once), giving up past `limit`.
export function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  let before = null;
  let previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) {
      return limit + 1;
    }
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

// The index in `vocabulary` (folded words, most used first) of the nearest word, or null: also when
// the word is itself in the vocabulary, spelt right.
export function nearest(word, vocabulary) {
  if (vocabulary.includes(word)) {
    return null;
  }
  const limit = word.length <= 5 ? 1 : 2;
  let found = null;
  let foundDistance = limit + 1;
  vocabulary.forEach((candidate, index) => {  // the first of equals wins
    const d = distance(word, candidate, limit);
    if (d < foundDistance) {
      found = index;
      foundDistance = d;
    }
  });
  return found;
}

const FEW = 3;  // fewer results than this with every word counts as finding little
const FUSED = 50;
// Copies of a service folded into its page for all bydeler: the first 12 results are read (one fragment
// each, about 1 KB; the first page of results needs most of them anyway).
const COLLAPSE_BATCH = 12;
const COLLAPSE_WANTED = 10;
const COLLAPSE_READ_MAX = 12;  // results of each single word looked at when the words together find little

export function createSearch(pagefind, config, vocabularyUrl) {
  const stop = new Set(config.stoppord);
  let vocabulary = null;

  // {spelt: words as the site writes them, folded: the same folded}, most used first.
  async function loadVocabulary() {
    if (vocabulary === null) {
      const response = await fetch(vocabularyUrl);
      const spelt = response.ok ? (await response.json()).ord : [];
      vocabulary = {spelt, folded: spelt.map(fold)};
    }
    return vocabulary;
  }

  async function hits(query, filters) {
    return (await pagefind.search(query, filters ? {filters} : {})).results;
  }

  // Does the site have this word, or one it is the beginning of? Short words and numbers are not corrected.
  async function isKnown(word) {
    if (word.length < 4 || /\p{N}/u.test(word)) {
      return true;
    }
    const found = await hits(word);
    if (found.length === 0) {
      return false;
    }
    const page = await found[0].data();
    const text = page.content.split(/\s+/);
    return foundAsTyped(word, (page.locations || []).map((i) => text[i] || ""));
  }

  // The longest run of words naming a neighbourhood or a bydel: {start, length, name, bydel, url}.
  function namedPlace(list) {
    for (let length = Math.min(3, list.length); length > 0; length--) {
      for (let start = 0; start + length <= list.length; start++) {
        const key = list.slice(start, start + length).join(" ");
        if (config.steder[key]) {
          const [name, bydel, url] = config.steder[key];
          return {start, length, name, bydel, url, neighbourhood: true};
        }
        if (config.bydeler[key]) {
          const [bydel, url] = config.bydeler[key];
          return {start, length, name: bydel, bydel, url, neighbourhood: false};
        }
      }
    }
    return null;
  }

  // Returns {words, corrected, place, crisis, pinned, results}: the words searched (folded), the query as
  // corrected (or null), the place named, whether it has crisis words, the pages the boxes above the
  // results link to, and the results, best first, each once, each with data() as Pagefind's have.
  // options.exact: the words as typed, without «Mente du …?» (the reader asked for that).
  async function search(raw, filters, options = {}) {
    const crisis = crisisMatch(raw, config.kriseord);
    const typed = words(raw);
    let kept = typed.filter((word) => !stop.has(word));
    if (kept.length === 0) {
      kept = typed;
    }
    let corrected = null;  // the query as corrected, spelt as the site spells it
    const known = await Promise.all(kept.map((word) => options.exact || isKnown(word)));
    if (known.includes(false)) {
      const vocabulary = await loadVocabulary();
      const shown = raw.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      for (let i = 0; i < kept.length; i++) {
        const better = known[i] ? null : nearest(kept[i], vocabulary.folded);
        if (better !== null) {
          const at = shown.findIndex((word) => fold(word) === kept[i]);
          if (at >= 0) {
            shown[at] = vocabulary.spelt[better];
          }
          kept[i] = vocabulary.folded[better];
          corrected = shown.join(" ");
        }
      }
    }
    const place = namedPlace(kept);
    const rest = place ? kept.filter((_, i) => i < place.start || i >= place.start + place.length) : kept;
    const lists = [];
    if (place && !(filters && filters.Bydel)) {
      const inBydel = {...(filters || {}), Bydel: place.bydel};
      // Pages that name the bydel come first: its own, and shared ones that say they serve it.
      const asked = rest.length ? rest : kept.slice(place.start, place.start + place.length);
      const named = words(place.bydel).filter((word) => word !== "bydel" && !asked.includes(word));
      lists.push(await hits(asked.concat(named).join(" "), inBydel));
      lists.push(await hits(asked.join(" "), inBydel));
    }
    const all = await hits(kept.join(" "), filters);
    lists.push(all);
    if (all.length < FEW && kept.length > 1) {
      lists.push(await mostWords(kept, filters));
    }
    const seen = new Set();
    let results = [];
    for (const list of lists) {
      for (const result of list) {
        if (!seen.has(result.id)) {
          seen.add(result.id);
          results.push(result);
        }
      }
    }
    if (!place) {
      results = await collapse(results);
    }
    // Shown above the results, and so the first answers: with crisis words, the help box and the pages
    // it links to; for a query that only names a place, the box with its bydel's page.
    const pinned = (crisis ? config.krisesider : []).concat(place && rest.length === 0 ? [place.url] : []);
    return {words: kept, corrected, place, crisis, pinned, results};
  }

  // Without a bydel in the query, several bydeler's copies of a service fold into the page for all
  // bydeler (meta samleside): «barnevern» answers with «Barnevern – alle bydeler», not Barnevern Grorud.
  async function collapse(results) {
    const read = [];
    const copies = new Map();  // samleside -> how many of its services were read
    // Read in batches until a page of results is full: each result read costs one small fragment.
    while (read.length < results.length && read.length < COLLAPSE_READ_MAX && distinct(read, copies) < COLLAPSE_WANTED) {
      const batch = results.slice(read.length, read.length + COLLAPSE_BATCH);
      const pages = await Promise.all(batch.map((result) => result.data()));
      batch.forEach((result, i) => {
        read.push({result, page: pages[i]});
        const overview = pages[i].meta.samleside;
        if (overview) {
          copies.set(overview, (copies.get(overview) || 0) + 1);
        }
      });
    }
    const out = [];
    const shown = new Set();
    for (const {result, page} of read) {
      // A service found alone is itself the answer («Helsestasjon for gutter»); copies fold into one.
      const folds = page.meta.samleside && copies.get(page.meta.samleside) > 1;
      const url = folds ? "/" + page.meta.samleside : page.url;
      if (shown.has(url)) {
        continue;
      }
      shown.add(url);
      if (!folds) {
        out.push({id: result.id, data: async () => page});
      } else {
        const overview = {url, meta: {title: page.meta.samleside_tittel || url}, excerpt: "", overview: true};
        out.push({id: "samleside:" + url, data: async () => overview});
      }
    }
    return out.concat(results.slice(read.length));
  }

  function distinct(read, copies) {
    const urls = new Set(read.map(({page}) => (page.meta.samleside && copies.get(page.meta.samleside) > 1
      ? page.meta.samleside : page.url)));
    return urls.size;
  }

  // Pages holding most of the words, then ranked by their places in each word's own results.
  async function mostWords(list, filters) {
    const each = await Promise.all(list.map((word) => hits(word, filters)));
    const found = new Map();
    each.forEach((results) => results.slice(0, FUSED).forEach((result, rank) => {
      const entry = found.get(result.id) || {result, count: 0, score: 0};
      entry.count += 1;
      entry.score += 1 / (10 + rank);
      found.set(result.id, entry);
    }));
    return [...found.values()].sort((a, b) => b.count - a.count || b.score - a.score).map((e) => e.result);
  }

  return {search, loadVocabulary};
}
