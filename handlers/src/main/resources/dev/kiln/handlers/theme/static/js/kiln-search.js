// kiln's search box: loads the site's index.json once, on first use, and lists the pages whose
// title, tags, summary or text hold every word typed (title matches first). No server needed.
(function () {
  var input = document.getElementById("kiln-search");
  var list = document.getElementById("kiln-search-results");
  if (!input || !list) return;
  var index = null, loading = null;
  function load() {
    if (!loading) {
      loading = fetch(input.getAttribute("data-index")).then(function (r) { return r.json(); })
        .then(function (entries) { index = entries; });
    }
    return loading;
  }
  function score(entry, words) {
    var title = entry.title.toLowerCase();
    var rest = (entry.tags.join(" ") + " " + entry.summary + " " + entry.content).toLowerCase();
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      if (title.indexOf(words[i]) >= 0) total += 10;
      else if (rest.indexOf(words[i]) >= 0) total += 1;
      else return 0;
    }
    return total;
  }
  function show() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length || !index) { list.hidden = true; return; }
    var found = index.map(function (e) { return [score(e, words), e]; })
      .filter(function (p) { return p[0] > 0; })
      .sort(function (a, b) { return b[0] - a[0]; }).slice(0, 10);
    found.forEach(function (p) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = p[1].url; a.textContent = p[1].title; li.appendChild(a); list.appendChild(li);
    });
    if (!found.length) { var li = document.createElement("li"); li.textContent = "No page matches."; list.appendChild(li); }
    list.hidden = false;
  }
  input.addEventListener("focus", load);
  input.addEventListener("input", function () { load().then(show); });
  input.addEventListener("keydown", function (e) { if (e.key === "Escape") { input.value = ""; show(); } });
})();
