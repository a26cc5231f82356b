/* The site search's near-hit check, old (a regex with an optional CJK character between
   the term's characters) against new (one pass, templates/site/search.js): agreement on
   random pairs, then CPU time (process.cpuUsage) on a run of one character that almost
   matches. Run: node benchmarks/search_near.js (docs/benchmarks.md, hostile11). */
var CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff";
function oldNear(text) {
  return new RegExp(Array.from(text).map(function (ch) {
    return ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }).join("[" + CJK + "]?"), "u");
}
var ONE_CJK = new RegExp("^[" + CJK + "]$", "u");
function near(term, text) {
  var chars = Array.from(term), n = chars.length, at = new Map();
  chars.forEach(function (ch, i) { if (!at.has(ch)) at.set(ch, []); at.get(ch).push(i); });
  var last = new Int32Array(n).fill(-3), before = new Int32Array(n).fill(-3);
  var j = 0, gap = false;
  for (var ch of text) {
    var is = at.get(ch) || [];
    for (var k = is.length - 1; k >= 0; k--) {
      var i = is[k];
      if (i === 0 || last[i - 1] === j - 1 || (gap && (last[i - 1] === j - 2 || before[i - 1] === j - 2))) {
        if (i === n - 1) return true;
        before[i] = last[i]; last[i] = j;
      }
    }
    gap = ONE_CJK.test(ch); j++;
  }
  return false;
}
function cpu(f) { var a = process.cpuUsage(); f(); var b = process.cpuUsage(a); return ((b.user + b.system) / 1000).toFixed(1); }
function med(f) { var xs = []; for (var r = 0; r < 5; r++) xs.push(+cpu(f)); xs.sort((a,b)=>a-b); return xs[2]; }
// agreement on random strings
var alpha = "哈嘿和，a";
for (var t = 0; t < 20000; t++) {
  var q = "", s = "";
  var ql = 1 + Math.floor(Math.random() * 5), sl = Math.floor(Math.random() * 12);
  for (var i = 0; i < ql; i++) q += "哈嘿和"[Math.floor(Math.random() * 3)];
  for (var i = 0; i < sl; i++) s += alpha[Math.floor(Math.random() * alpha.length)];
  if (oldNear(q).test(s) !== near(q, s)) { console.log("DIFF", q, s); process.exit(1); }
}
console.log("agree on 20000 random pairs");
for (const n of [16, 20, 22]) {
  const q = "哈".repeat(n) + "嘿", text = "哈".repeat(2 * n) + "，哈哈哈嘿";
  console.log("n=" + n, "old regex ms CPU (1 run):", cpu(() => oldNear(q).test(text)), " new median of 5:", med(() => near(q, text)));
}
const qq = "哈".repeat(10000) + "嘿", tt = "哈".repeat(10000) + "，哈哈哈嘿";
console.log("n=10000 new median of 5 ms CPU:", med(() => near(qq, tt)));
