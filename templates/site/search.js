/* orgspec handbook search. The index is built by orgspec/site/search.py (read its docstring):
   search/meta.js, posting shards search/i<n>.js and document chunks search/d<n>.js, each a
   plain script that calls window.orgspecIndex, so <script> tags load them from file:// too.

   A query is cut into terms: runs of CJK characters and Latin words. A CJK term looks up its
   bigrams (a single character, its unigram), each with its skip-bigram (AB: A_B, the pair
   with one character between, meta.skip; see search.py); a Latin word looks itself up, because the index
   holds every word and its prefixes of 3 to meta.prefix characters (a longer word looks up
   its first meta.prefix characters). Posting lists are intersected (AND),
   shortest first, a bigram's list being its own and its skip-bigram's; CJK terms of 3+
   characters are then checked against the text: as a substring (an exact hit), else with
   at most one character between neighbours (a near hit: ABCD in AxBCyD), else dropped.
   A near hit (AB in AxB) ranks after every exact one. Ranking: exact hits
   first, then all terms in the title, then duties, teams, people, positions, processes,
   meetings, objectives, then shorter titles (the build numbers documents in that order,
   so ranking needs no document), and only the documents shown are loaded.
   Traditional characters in the query and in the documents are folded to Simplified with
   meta.fold (only the characters whose Simplified form is in the index), as the index was.
   Question words (meta.ask: "who owns" and the like, see search.py) are dropped first,
   then the frequency word of meta.every that opens a CJK run, when 2+ characters remain.
   A weekday written with a word of meta.week (xingqi, libai + the day) is read as the
   index also holds it, with zhou (search.py weekdays); the 3+ character check reads the
   document both as written and so. A CJK run is cut at each weekday (byDay), and a
   weekday's English abbreviation (meta.days: mon, tue ...) looks up the whole weekday.
   Results are built with textContent only: nothing from the index is parsed as HTML.
   window.orgspecSearch(query, limit = 200) returns a Promise of [{kind, title, url, sub,
   near, other}] (near: a near hit, marked "similar wording" in the list; other: a person's
   or team's name in the other script, row[5], shown beside the title). */
(function () {
  "use strict";
  var CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff";
  var RUNS = new RegExp("([" + CJK + "]+)|((?:(?![" + CJK + "])[\\p{L}\\p{N}])+)", "gu");
  var script = document.currentScript;
  var base = script.src.replace(/assets\/search\.js([?#].*)?$/, "");
  var root = script.getAttribute("src").replace(/assets\/search\.js([?#].*)?$/, "");
  var store = { meta: null, shards: {}, docs: {} };
  var loading = {};

  window.orgspecIndex = {
    meta: function (m) { store.meta = m; },
    shard: function (n, table) { store.shards[n] = table; },
    docs: function (n, rows) { store.docs[n] = rows; }
  };

  function load(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = base + "search/" + name + ".js";
        s.onload = function () { resolve(); };
        s.onerror = function () { reject(new Error("cannot load search/" + name + ".js")); };
        document.head.appendChild(s);
      });
    }
    return loading[name];
  }

  function fnv1a(token) {
    var h = 0x811c9dc5;
    for (var i = 0; i < token.length; i++) {
      h ^= token.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  /* Each term's keys: per bigram [exact, skip-bigram], else [the key]. */
  function terms(query) {
    var out = [], m, skip = (store.meta && store.meta.skip) || "_";
    var text = query.toLowerCase();
    RUNS.lastIndex = 0;
    while ((m = RUNS.exec(text)) !== null) {
      if (m[1]) {
        byDay(unevery(weekdays(m[1]))).forEach(function (run) {
          var keys = [];
          if (run.length === 1) keys.push([run]);
          for (var i = 0; i + 1 < run.length; i++) {
            keys.push([run.slice(i, i + 2), run.charAt(i) + skip + run.charAt(i + 1)]);
          }
          out.push({ text: run, cjk: true, keys: keys });
        });
      } else {
        var letters = Array.from(m[2]), most = (store.meta && store.meta.prefix) || 32;
        var days = (store.meta && store.meta.days) || {};
        /* the index holds a word's prefixes up to meta.prefix characters (search.py); a
           weekday's abbreviation (mon) looks up the weekday, not every word it begins */
        var key = Object.prototype.hasOwnProperty.call(days, m[2]) ? days[m[2]]
          : letters.length > most ? letters.slice(0, most).join("") : m[2];
        out.push({ text: m[2], cjk: false, keys: [[key]] });
      }
    }
    return out;
  }

  /* `text` with each weekday written with a word of meta.week as zhou writes it, Sunday's
     tian as ri (search.py weekdays). */
  var WEEKDAY = null;
  function weekdays(text) {
    var words = (store.meta && store.meta.week) || [];
    if (!words.length) return text;
    if (WEEKDAY === null) WEEKDAY = new RegExp("(?:" + words.join("|") + ")([一二三四五六日天])", "g");
    return text.replace(WEEKDAY, function (_, d) { return "周" + (d === "天" ? "日" : d); });
  }

  /* A CJK run cut at each weekday (zhou + the day) into terms of their own, so that
     zhou'er chenhui finds the morning meeting held on Tuesday as zhou'er chenhui with a
     space does: the index holds the days a meeting is held on apart from its name (Doc.also
     in search.py). A particle of meta.particles after a weekday (de) is dropped. */
  var DAY = /(周[一二三四五六日])/;
  function byDay(run) {
    if (run.length <= 2 || !DAY.test(run)) return [run];
    var lead = new RegExp("^[" + ((store.meta && store.meta.particles) || "的") + "]+");
    return run.split(DAY).map(function (part, i) {
      return i > 0 && i % 2 === 0 ? part.replace(lead, "") : part;
    }).filter(function (part) { return part.length > 0; });
  }

  /* A CJK run without the frequency word of meta.every that opens it (every Monday:
     Monday), when two characters or more are left (search.py EVERY). */
  function unevery(run) {
    var words = (store.meta && store.meta.every) || [];
    for (var i = 0; i < words.length; i++) {
      if (run.indexOf(words[i]) === 0 && Array.from(run).length - words[i].length >= 2) {
        return run.slice(words[i].length);
      }
    }
    return run;
  }

  /* Traditional -> Simplified (meta.fold), and full-width ASCII (ＫＰＩ) -> ASCII, as
     search.py's tokens read the documents. */
  function fold(text) {
    var table = (store.meta && store.meta.fold) || {}, out = "";
    for (var ch of text) {
      var cp = ch.codePointAt(0);
      out += cp >= 0xff01 && cp <= 0xff5e ? String.fromCharCode(cp - 0xfee0)
        : Object.prototype.hasOwnProperty.call(table, ch) ? table[ch] : ch;
    }
    return out;
  }

  /* The query without the question words of meta.ask and, after them, the particles of
     meta.particles that end it; unchanged when nothing else would be left (search.py). */
  function unask(text, meta) {
    var out = text, asked = false;
    (meta.ask || []).forEach(function (w) {
      if (out.indexOf(w) >= 0) { out = out.split(w).join(" "); asked = true; }
    });
    if (asked && meta.particles) {
      out = out.replace(new RegExp("[" + meta.particles + "]+(?=[^\\p{L}\\p{N}]*$)", "u"), " ");
    }
    return terms(out).length ? out : text;
  }

  /* A posting list is gap-encoded values 2 * doc + title bit (see search.py). */
  function decode(gaps) {
    var out = new Array(gaps.length), v = 0;
    for (var i = 0; i < gaps.length; i++) { v += gaps[i]; out[i] = v; }
    return out;
  }

  /* One key's postings as doc -> {title, exact}: its exact list, and the docs of its
     near (skip-bigram) list that the exact one lacks. */
  function posted(exact, near) {
    var out = new Map();
    exact.forEach(function (v) { out.set(v >> 1, { title: (v & 1) === 1, exact: true }); });
    near.forEach(function (v) {
      if (!out.has(v >> 1)) out.set(v >> 1, { title: (v & 1) === 1, exact: false });
    });
    return out;
  }

  /* Docs in every list, in doc order, each with "all keys in its title" and "all keys
     exact". */
  function intersect(lists) {
    lists.sort(function (a, b) { return a.size - b.size; });
    var hits = [];
    if (!lists.length) return hits;
    lists[0].forEach(function (p, doc) { hits.push({ doc: doc, title: p.title, exact: p.exact }); });
    hits.sort(function (a, b) { return a.doc - b.doc; });
    for (var i = 1; i < lists.length && hits.length; i++) {
      var list = lists[i];
      hits = hits.filter(function (h) {
        var p = list.get(h.doc);
        if (!p) return false;
        h.title = h.title && p.title;
        h.exact = h.exact && p.exact;
        return true;
      });
    }
    return hits;
  }

  function rank(a, b) {
    return (a.exact === b.exact ? 0 : a.exact ? -1 : 1) ||
      (a.title === b.title ? 0 : a.title ? -1 : 1) || a.doc - b.doc;
  }

  /* Whether a CJK term's characters occur in `text` in order, at most one CJK character
     between neighbours. One pass over the text, keeping where each prefix of the term
     last ended (twice: at the character before, or one before that with a CJK character
     between): a regex A[CJK]?B[CJK]?C... backtracks exponentially on a long run of one
     character that almost matches (30 x 哈 then 嘿 hung the tab). */
  var ONE_CJK = new RegExp("^[" + CJK + "]$", "u");
  function near(term, text) {
    var chars = Array.from(term), n = chars.length, at = new Map();
    chars.forEach(function (ch, i) {
      if (!at.has(ch)) at.set(ch, []);
      at.get(ch).push(i);
    });
    var last = new Int32Array(n).fill(-3), before = new Int32Array(n).fill(-3);
    var j = 0, gap = false;
    for (var ch of text) {
      var is = at.get(ch) || [];
      for (var k = is.length - 1; k >= 0; k--) {  // down: prefix i-1 is not yet moved to j
        var i = is[k];
        if (i === 0 || last[i - 1] === j - 1 ||
            (gap && (last[i - 1] === j - 2 || before[i - 1] === j - 2))) {
          if (i === n - 1) return true;
          before[i] = last[i];
          last[i] = j;
        }
      }
      gap = ONE_CJK.test(ch);  // may stand between the next character and the one before
      j++;
    }
    return false;
  }

  /* Hits rank by title first, then by doc number: the build numbered documents by kind
     (duties, teams, people, positions, processes, meetings, objectives), then shorter
     titles first. Only the documents needed for the first `limit` verified hits are
     loaded. */
  function search(query, limit) {
    limit = limit || 200;
    if (!terms(query).length) return Promise.resolve([]);
    return load("meta").then(function () {
      var meta = store.meta, keys = [], ts = terms(unask(fold(query).toLowerCase(), meta));
      ts.forEach(function (t) { keys = keys.concat(t.keys); });
      var shardOf = {};
      keys.forEach(function (ks) { ks.forEach(function (k) { shardOf[k] = fnv1a(k) % meta.shards; }); });
      var needed = Array.from(new Set(Object.keys(shardOf).map(function (k) { return shardOf[k]; })));
      return Promise.all(needed.map(function (n) { return load("i" + n); })).then(function () {
        function list(k) {
          var table = store.shards[shardOf[k]];
          return k !== undefined && Object.prototype.hasOwnProperty.call(table, k) ? decode(table[k]) : [];
        }
        var cands = intersect(keys.map(function (ks) { return posted(list(ks[0]), ks[1] === undefined ? [] : list(ks[1])); }));
        cands.sort(rank);
        return collect(cands, ts, meta.chunk, limit, 0, []).then(function (out) {
          out.sort(rank);
          return out.map(function (h) { return h.hit; });
        });
      });
    });
  }

  function collect(cands, ts, chunk, limit, from, out) {
    if (from >= cands.length || out.length >= limit) return Promise.resolve(out);
    var batch = cands.slice(from, from + (limit - out.length));
    var chunks = Array.from(new Set(batch.map(function (c) { return Math.floor(c.doc / chunk); })));
    return Promise.all(chunks.map(function (c) { return load("d" + c); })).then(function () {
      batch.forEach(function (c) {
        var row = store.docs[Math.floor(c.doc / chunk)][c.doc % chunk];
        var all = null, said = null, exact = c.exact;
        for (var i = 0; i < ts.length; i++) {
          if (!ts[i].cjk || ts[i].text.length < 3) continue;
          if (all === null) {
            all = fold((row[1] + "\n" + (row[5] || "") + "\n" + row[4]).toLowerCase());
            said = weekdays(all);
          }
          if (all.indexOf(ts[i].text) >= 0 || said.indexOf(ts[i].text) >= 0) continue;
          if (!near(ts[i].text, all) && (said === all || !near(ts[i].text, said))) return;
          exact = false;
        }
        if (out.length < limit) {
          out.push({ doc: c.doc, title: c.title, exact: exact,
                     hit: { kind: row[0], title: row[1], url: row[2], sub: row[3], near: !exact,
                            other: row[5] || "" } });
        }
      });
      return collect(cands, ts, chunk, limit, from + batch.length, out);
    });
  }

  window.orgspecSearch = search;
  search.fold = fold;

  function show(app, hits, kind, query) {
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var labels = JSON.parse(app.getAttribute("data-labels") || "{}");
    var shown = hits.filter(function (h) { return !kind || h.kind === kind; });
    list.textContent = "";
    shown.slice(0, 200).forEach(function (h) {
      var li = document.createElement("li");
      var tag = document.createElement("span");
      tag.className = "kind";
      tag.textContent = labels[h.kind] || h.kind;
      var a = document.createElement("a");
      a.href = root + h.url;
      a.textContent = h.title;
      li.appendChild(tag);
      li.appendChild(a);
      if (h.other) {  /* the name in the other script: Jimmy Lin beside 林志豪 */
        var other = document.createElement("span");
        other.className = "other-name";
        other.textContent = " (" + h.other + ")";
        li.appendChild(other);
      }
      if (h.near) {
        var mark = document.createElement("small");
        mark.className = "muted near";
        mark.textContent = " · " + app.getAttribute("data-near");
        li.appendChild(mark);
      }
      if (h.sub) {
        var sub = document.createElement("div");
        sub.className = "hit-sub";
        sub.textContent = h.sub;
        li.appendChild(sub);
      }
      list.appendChild(li);
    });
    var count = app.getAttribute(shown.length === 1 ? "data-one" : "data-count") || "{n}";
    status.textContent = query ? (shown.length ? count.replace("{n}", String(shown.length)) +
                                                 " · " + query
                                               : app.getAttribute("data-empty")) : "";
    app.setAttribute("data-done", query);
    list.setAttribute("aria-busy", "false");
  }

  function start() {
    var app = document.getElementById("search-app");
    var box = document.getElementById("q");
    if (!app || !box) return;
    var kind = "", last = [], query = "", timer = 0;
    var chips = app.querySelectorAll(".chip");
    function run(q) {
      query = q;
      document.getElementById("search-results").setAttribute("aria-busy", "true");
      search(q).then(function (hits) {
        if (q !== query) return;
        last = hits;
        show(app, hits, kind, q);
      }, function (err) {
        document.getElementById("search-status").textContent = String(err.message || err);
        document.getElementById("search-results").setAttribute("aria-busy", "false");
      });
    }
    Array.prototype.forEach.call(chips, function (chip) {
      chip.addEventListener("click", function () {
        kind = chip.getAttribute("data-kind");
        Array.prototype.forEach.call(chips, function (c) {
          c.setAttribute("aria-pressed", String(c === chip));
        });
        show(app, last, kind, query);
      });
    });
    function later() {
      clearTimeout(timer);
      timer = setTimeout(function () { run(box.value.trim()); }, 120);
    }
    /* While an input method composes (pinyin tui'kuan before it becomes 退款) the box holds
       letters no one searches for: the results stay until the text is committed. */
    box.addEventListener("input", function (e) { if (!e.isComposing) later(); });
    box.addEventListener("compositionend", later);
    document.getElementById("search-results").addEventListener("keydown", function (e) {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(this.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement);
      var next = links[e.key === "ArrowDown" ? i + 1 : Math.max(0, i - 1)];
      if (next) { e.preventDefault(); next.focus(); }
    });
    var q = new URLSearchParams(window.location.search).get("q") || "";
    box.value = q;
    run(q.trim());
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
