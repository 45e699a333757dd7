// A page opened from a search result (?highlight=…) marks the matched words with Pagefind's highlighter.
// Other visitors load nothing more. A file, not an inline script (Content-Security-Policy).
(function () {
  if (!/[?&]highlight=/.test(location.search)) return;
  var bundle = document.currentScript.dataset.bundle;
  import(bundle + "pagefind-highlight.js").then(function () {
    new PagefindHighlight({ highlightParam: "highlight", markContext: "[data-pagefind-body]" });
  });
})();
