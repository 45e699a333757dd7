// Material for MkDocs' base helpers (its partials/javascripts/base.html), as a file: the site's
// Content-Security-Policy allows no inline script. The site root is two folders above this file.
var __md_scope = new URL("../../", document.currentScript.src),
  __md_hash = function (value) {
    return Array.prototype.reduce.call(value, function (hash, char) { return (hash << 5) - hash + char.charCodeAt(0); }, 0);
  },
  __md_get = function (key, storage, scope) {
    storage = storage || localStorage; scope = scope || __md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  },
  __md_set = function (key, value, storage, scope) {
    storage = storage || localStorage; scope = scope || __md_scope;
    try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (error) { /* storage full or off */ }
  };
