"use strict";
// Filters, sorts and pages the findings table. Reads data only from the DOM; never builds
// HTML. At most PAGE rows are in the table at once, so a large org stays responsive.
(function () {
  const PAGE = 500;
  const table = document.getElementById("findings-table");
  if (!table) return;
  const body = table.tBodies[0];
  let order = Array.from(body.rows);
  let matched = order;
  let limit = PAGE;
  const text = new Map();
  const pick = (id) => document.getElementById(id);
  const controls = { severity: pick("f-severity"), rule: pick("f-rule"), team: pick("f-team") };
  const search = pick("f-search");
  const count = pick("f-count");
  const more = pick("f-more");
  // Traditional -> Simplified for the findings' characters (the site's search folds so too)
  const pairs = Array.from(table.dataset.fold || "");
  const folds = new Map();
  for (let i = 0; i + 1 < pairs.length; i += 2) folds.set(pairs[i], pairs[i + 1]);
  const fold = (s) => Array.from(s, (c) => folds.get(c) ?? c).join("");
  const collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });

  function show() {
    const fragment = document.createDocumentFragment();
    for (const row of matched.slice(0, limit)) fragment.appendChild(row);
    body.replaceChildren(fragment);
    count.textContent = String(matched.length);
    more.hidden = matched.length <= limit;
  }

  function apply() {
    const want = {};
    for (const key in controls) want[key] = controls[key].value;
    const query = fold(search.value.trim().toLowerCase());
    matched = order.filter((row) => {
      for (const key in want) {
        if (!want[key]) continue;
        // a finding may involve several teams (ids, space-separated, with the teams above
        // them): any one matches, so a team's filter includes the teams below
        const has = key === "team" ? row.dataset.team.split(" ").includes(want.team)
          : row.dataset[key] === want[key];
        if (!has) return false;
      }
      if (!query) return true;
      if (!text.has(row)) text.set(row, fold(row.textContent.toLowerCase()));
      return text.get(row).includes(query);
    });
    limit = PAGE;
    show();
  }

  function sortBy(th) {
    const col = th.cellIndex;
    const dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    for (const other of table.tHead.rows[0].cells) other.removeAttribute("aria-sort");
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    const keyed = order.map((row) => {
      const cell = row.cells[col];
      return [cell.dataset.key ?? cell.textContent, row];
    });
    keyed.sort((a, b) => dir * collator.compare(a[0], b[0]));
    order = keyed.map((pair) => pair[1]);
    apply();
  }

  for (const key in controls) controls[key].addEventListener("change", apply);
  search.addEventListener("input", apply);
  more.addEventListener("click", () => { limit += PAGE; show(); });
  for (const button of table.tHead.querySelectorAll("button")) {
    button.addEventListener("click", () => sortBy(button.closest("th")));
  }
  for (const link of document.querySelectorAll("a[data-rule]")) {
    link.addEventListener("click", () => {
      controls.rule.value = link.dataset.rule;
      apply();
    });
  }
  window.addEventListener("beforeprint", () => {
    for (const d of document.querySelectorAll("details")) d.open = true;
  });
  apply();
})();
