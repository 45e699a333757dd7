// The search box in the header (partials/pagefind-search.html), on Pagefind's JavaScript API.
// A file of its own, not an inline script: the site's Content-Security-Policy allows no inline script.
(function () {
  var toggle = document.getElementById("pf-search-toggle");
  var panel = document.getElementById("pf-search-panel");
  var root = document.getElementById("pf-search");
  var input = document.getElementById("pf-search-input");
  var filtersToggle = root.querySelector(".pf-search__filters-toggle");
  var filtersBox = document.getElementById("pf-search-filters");
  var message = root.querySelector(".pf-search__message");
  var list = root.querySelector(".pf-search__results");
  var more = root.querySelector(".pf-search__more");
  var PAGE = 5, pagefind = null, loading = null, current = null, shown = 0, timer = null, generation = 0, inputs = 0;
  // The facets in their order, from their one definition (FACETS in generator/search/pagefind.py).
  var FILTER_ORDER = (root.dataset.facets || "").split(" ");

  function absolute(path) { return new URL(path, location.href).pathname; }
  function text(s) { var d = document.createElement("div"); d.textContent = s; return d.innerHTML; }
  // One index, however many Pagefind runs wrote it (generator/search/merge.py).
  function load() {
    if (!loading) {
      var bundle = absolute(root.dataset.bundle);
      var options = { baseUrl: absolute(root.dataset.base), highlightParam: "highlight", excerptLength: 24 };
      loading = import(bundle + "pagefind.js").then(function (loaded) {
        pagefind = loaded;
        return pagefind.options(options).then(function () { return pagefind.init(); });
      });
      loading.catch(function () { loading = null; });  // a later search tries again
    }
    return loading;
  }
  // Single characters such as 区 or 县 that the browser cuts off a query (大观区 → 大观 区) are in nearly
  // every notice: they do not narrow the results but make the search fetch and rank far more. With
  // other words in the query they are left out (generator/data/search_stop_characters.yml); a query
  // in quotes (Pagefind's exact phrase) is searched as typed.
  function terms(query) {
    var stop = root.dataset.stop || "";
    if (!stop || /^\s*".+"\s*$/.test(query) || !(window.Intl && Intl.Segmenter)) return query;
    var words = Array.from(new Intl.Segmenter("zh", { granularity: "word" }).segment(query))
      .filter(function (s) { return s.isWordLike; }).map(function (s) { return s.segment; });
    var kept = words.filter(function (word) { return !(word.length === 1 && stop.indexOf(word) >= 0); });
    return kept.length && kept.length < words.length ? kept.join(" ") : query;
  }
  function selected() {
    var filters = {};
    filtersBox.querySelectorAll("input:checked").forEach(function (box) {
      (filters[box.name] = filters[box.name] || { any: [] }).any.push(box.value);
    });
    return filters;
  }
  // The title's pinyin (hidden words before the title, in the index only) is not shown: it is cut
  // from the start of an excerpt, and a match in it alone shows who published the notice instead.
  function excerpt(value, summary) {
    var words = (value || "").split(/(\s+)/), i = 0;
    while (i < words.length && /^[a-z]*\.?$/.test(words[i].replace(/<\/?mark>/g, "").trim())) i++;
    var rest = words.slice(i).join("").replace(/^(<\/mark>)?[.。,，\s]+/, "");
    return rest || !summary ? rest : text(summary);
  }
  // Each result carries Pagefind's score (data-score), so a test or benchmark can tell equal scores apart.
  function render(data, score) {
    var summary = data.meta.summary;
    var sections = (data.sub_results || []).filter(function (sub) { return sub.url.indexOf("#") > 0; })
      .map(function (sub, i) { return { sub: sub, i: i, n: (sub.locations || []).length }; })
      .sort(function (a, b) { return b.n - a.n || a.i - b.i; }).slice(0, 3)
      .sort(function (a, b) { return a.i - b.i; });
    var item = document.createElement("li");
    item.className = "pf-result";
    item.dataset.score = String(score);
    item.innerHTML = '<p class="pf-result__title"><a href="' + text(data.url) + '">' + text(data.meta.title) + "</a></p>" +
      // With matched sections listed, the line under the title says who published it, when, where.
      '<p class="pf-result__excerpt">' + (sections.length && summary ? text(summary) : excerpt(data.excerpt, summary)) + "</p>" +
      (sections.length ? '<ul class="pf-result__sections">' + sections.map(function (s) {
        return '<li><a class="pf-result__section" href="' + text(s.sub.url) + '">' + text(s.sub.title) + "</a>" +
          '<br><span class="pf-result__excerpt">' + excerpt(s.sub.excerpt, summary) + "</span></li>";
      }).join("") + "</ul>" : "");
    return item;
  }
  function showMore(run) {
    var batch = current.results.slice(shown, shown + PAGE);
    shown += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
      if (run !== generation) return;
      items.forEach(function (data, i) { list.appendChild(render(data, batch[i].score)); });
      more.hidden = shown >= current.results.length;
    });
  }
  function failed(run) {
    if (run !== generation) return;
    list.innerHTML = ""; more.hidden = true;
    message.textContent = "检索暂时无法使用，请检查网络后重试";
  }
  function search() {
    var query = input.value.trim(), run = ++generation;
    if (!query) { list.innerHTML = ""; message.textContent = ""; more.hidden = true; return; }
    message.textContent = "正在搜索 " + query + "…";
    load().then(function () { return pagefind.search(terms(query), { filters: selected() }); }).then(function (result) {
      if (run !== generation || !result) return;
      current = result; shown = 0; list.innerHTML = "";
      return showMore(run).then(function () {
        if (run !== generation) return;
        message.textContent = result.results.length
          ? "找到 " + result.results.length + " 个 " + query + " 的相关结果"
          : "没有找到 " + query + " 的相关结果";
        performance.mark("notices-search:results");
      });
    }).catch(function () { failed(run); });
  }
  // While the visitor types, the index chunks for the words so far are fetched at once; the search
  // runs as soon as they are here, unless more was typed meanwhile, and never sooner than 50 ms after
  // the last keystroke. Text still being composed in an input method (pinyin before it becomes 汉字)
  // is neither fetched nor searched.
  function typed(event) {
    if (event.isComposing) return;
    performance.mark("notices-search:input");
    var query = input.value.trim(), typedAt = ++inputs;
    clearTimeout(timer);
    if (!query) { search(); return; }
    var pause = new Promise(function (resolve) { timer = setTimeout(resolve, 50); });
    var chunks = load().then(function () { return pagefind.preload(terms(query), { filters: selected() }); });
    Promise.all([pause, chunks.catch(function () {})]).then(function () {
      if (typedAt === inputs) search();  // a failure to load is reported by search()
    });
  }
  function openFilters() {
    var open = filtersBox.hidden;
    filtersBox.hidden = !open;
    filtersToggle.setAttribute("aria-expanded", String(open));
    if (!open || filtersBox.childElementCount) return;
    load().then(function () { return pagefind.filters(); }).then(function (all) {
      var names = Object.keys(all).sort(function (a, b) { return FILTER_ORDER.indexOf(a) - FILTER_ORDER.indexOf(b); });
      filtersBox.innerHTML = names.map(function (name) {
        var values = Object.keys(all[name]).sort();
        return '<fieldset class="pf-filter" data-filter="' + text(name) + '"><legend>' + text(name) + "</legend>" +
          values.map(function (value) {
            return '<label><input type="checkbox" name="' + text(name) + '" value="' + text(value) + '"> ' +
              text(value) + " <small>(" + all[name][value] + ")</small></label>";
          }).join("") + "</fieldset>";
      }).join("");
    }).catch(function () { filtersBox.textContent = "筛选条件暂时无法加载，请检查网络后重试"; });
  }
  function show(open) {
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (open) { performance.mark("notices-search:open"); input.focus(); load().catch(function () {}); }
  }
  root.querySelector(".pf-search__form").addEventListener("submit", function (event) { event.preventDefault(); });
  input.addEventListener("input", typed);
  input.addEventListener("compositionend", typed);
  filtersBox.addEventListener("change", search);
  filtersToggle.addEventListener("click", openFilters);
  more.addEventListener("click", function () { showMore(generation); });
  toggle.addEventListener("click", function () { show(panel.hidden); });
  // The home page's own search box (theme_overrides/main.html) hands its words to this search.
  var home = document.getElementById("home-search");
  if (home) {
    home.addEventListener("submit", function (event) {
      event.preventDefault();
      input.value = home.querySelector("input").value;
      show(true); search();
    });
  }
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
    if (event.key === "/" && !typing && panel.hidden) { event.preventDefault(); show(true); }
    else if (event.key === "Escape" && !panel.hidden) { show(false); toggle.focus(); }
  });
})();
