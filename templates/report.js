"use strict";
// Filters and sorts the findings table. Reads data only from the DOM; never builds HTML.
(function () {
  const table = document.getElementById("findings-table");
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const text = new Map();
  const pick = (id) => document.getElementById(id);
  const controls = { severity: pick("f-severity"), rule: pick("f-rule"), team: pick("f-team") };
  const search = pick("f-search");
  const count = pick("f-count");
  const collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });

  function apply() {
    const want = {};
    for (const key in controls) want[key] = controls[key].value;
    const query = search.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      let ok = true;
      for (const key in want) if (want[key] && row.dataset[key] !== want[key]) ok = false;
      if (ok && query) {
        if (!text.has(row)) text.set(row, row.textContent.toLowerCase());
        ok = text.get(row).includes(query);
      }
      row.hidden = !ok;
      if (ok) shown += 1;
    }
    count.textContent = String(shown);
  }

  function sortBy(th) {
    const col = th.cellIndex;
    const dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    for (const other of table.tHead.rows[0].cells) other.removeAttribute("aria-sort");
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    const key = (row) => { const c = row.cells[col]; return c.dataset.key ?? c.textContent; };
    const sorted = rows.slice().sort((a, b) => dir * collator.compare(key(a), key(b)));
    const fragment = document.createDocumentFragment();
    for (const row of sorted) fragment.appendChild(row);
    body.appendChild(fragment);
  }

  for (const key in controls) controls[key].addEventListener("change", apply);
  search.addEventListener("input", apply);
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
