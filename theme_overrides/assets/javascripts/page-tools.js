// 页面工具（字号、高对比度、打印本页、复制链接、朗读），为年长读者和手机读者准备（适老化）。
// A file, not an inline script (Content-Security-Policy). The one script in the head, loaded without defer, so
// the remembered text size and contrast apply before the page is drawn; the buttons (theme_overrides/main.html)
// are wired once the page is parsed. The choice is kept in localStorage, per site, so every page opens with it.
// It also carries Material's base helpers (its partials/javascripts/base.html, which the theme runs inline):
// one request in the head instead of two, for the first paint on a slow network.

// Material for MkDocs' base helpers, used by its bundle. The site root is two folders above this file.
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

(function () {
  var root = document.documentElement;
  var siteRoot = new URL("../../", document.currentScript.src).pathname;
  var KEY = siteRoot + ".page-tools";
  var SIZES = ["standard", "large", "xlarge"];

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (error) { return {}; }
  }
  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(settings)); } catch (error) { /* storage full or off */ }
  }
  var settings = load();
  if (SIZES.indexOf(settings.size) < 0) settings.size = "standard";

  function apply() {
    root.setAttribute("data-font-size", settings.size);
    if (settings.contrast) root.setAttribute("data-contrast", "high"); else root.removeAttribute("data-contrast");
  }
  apply();
  // The tools take their place from the first paint (wired a moment later): showing them only once the page
  // is parsed moved the whole article down after it was drawn (Lighthouse: a layout shift of 0.10).
  root.setAttribute("data-page-tools", "");

  function cnDate(date) {
    return date.getFullYear() + "年" + (date.getMonth() + 1) + "月" + date.getDate() + "日";
  }

  function wire() {
    var tools = document.getElementById("page-tools");
    var status = document.getElementById("page-tools-status");
    var printDate = document.getElementById("print-date");
    if (printDate) {
      printDate.textContent = cnDate(new Date());
      printDate.parentNode.hidden = false;
      window.addEventListener("beforeprint", function () { printDate.textContent = cnDate(new Date()); });
    }
    if (!tools) return;
    function say(message) { if (status) status.textContent = message; }
    function pressed() {
      tools.querySelectorAll("[data-size]").forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.dataset.size === settings.size));
      });
      var contrast = tools.querySelector("[data-tool=contrast]");
      if (contrast) contrast.setAttribute("aria-pressed", String(!!settings.contrast));
    }
    tools.querySelectorAll("[data-size]").forEach(function (button) {
      button.addEventListener("click", function () {
        settings.size = button.dataset.size; save(); apply(); pressed();
      });
    });
    var contrast = tools.querySelector("[data-tool=contrast]");
    contrast.addEventListener("click", function () {
      settings.contrast = !settings.contrast; save(); apply(); pressed();
    });
    tools.querySelector("[data-tool=print]").addEventListener("click", function () { window.print(); });
    tools.querySelector("[data-tool=copy]").addEventListener("click", function () {
      var url = location.href;
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () { say("链接已复制：" + url); },
          function () { say("未能复制，请手动复制本页地址：" + url); });
      } else {
        say("请手动复制本页地址：" + url);
      }
    });
    var speak = tools.querySelector("[data-tool=speak]");
    if ("speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
      speak.hidden = false;
      speak.addEventListener("click", function () {
        if (speechSynthesis.speaking) {
          speechSynthesis.cancel();
          speak.textContent = "朗读"; say("已停止朗读");
          return;
        }
        var article = document.querySelector(".md-content__inner") || document.body;
        var utterance = new SpeechSynthesisUtterance(article.innerText);
        utterance.lang = "zh-CN";
        utterance.onend = function () { speak.textContent = "朗读"; };
        speechSynthesis.speak(utterance);
        speak.textContent = "停止朗读"; say("正在朗读本页");
      });
    }
    pressed();
    tools.hidden = false;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire); else wire();
})();
