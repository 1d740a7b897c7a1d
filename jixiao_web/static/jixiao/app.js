// jixiao web: live recomputation of the form (findings and scores as you type), confirmations.
// No framework and no external source: POST the form to its preview URL, swap the fragment in.
(function () {
  "use strict";

  function debounce(fn, ms) {
    var t = null;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  function distribute(panel) {
    // each row's computed score and findings travel in <template data-row>; put them beside the row
    document.querySelectorAll(".row-analysis").forEach(function (el) { el.innerHTML = ""; });
    document.querySelectorAll(".has-findings").forEach(function (row) { row.classList.remove("has-findings"); });
    panel.querySelectorAll("template.row-analysis-src").forEach(function (tpl) {
      var key = tpl.getAttribute("data-row");
      var cell = document.getElementById("analysis-" + key);
      var row = document.getElementById("row-" + key);
      if (cell) { cell.appendChild(tpl.content.cloneNode(true)); }
      if (row && tpl.getAttribute("data-findings") !== "0") { row.classList.add("has-findings"); }
    });
    document.querySelectorAll("input.invalid, textarea.invalid").forEach(function (el) {
      el.classList.remove("invalid");
    });
    panel.querySelectorAll("template.field-error-src").forEach(function (tpl) {
      var el = document.getElementById("f-" + tpl.getAttribute("data-field"));
      if (el) { el.classList.add("invalid"); el.title = tpl.innerHTML; }
    });
  }

  function setupPreview(form) {
    var url = form.getAttribute("data-preview-url");
    var panel = document.getElementById("analysis-panel");
    var status = document.getElementById("preview-status");
    if (!url || !panel) { return; }
    var seq = 0;
    var run = debounce(function () {
      var mine = ++seq;
      var data = new FormData(form);
      if (status) { status.textContent = "正在重新计算…"; }
      fetch(url, { method: "POST", body: data, credentials: "same-origin",
                   headers: { "X-Requested-With": "fetch" } })
        .then(function (r) {
          if (r.redirected && r.url.indexOf("/login/") >= 0) {  // the session has ended
            throw new Error("login");
          }
          if (!r.ok) { throw new Error(String(r.status)); }
          return r.text();
        })
        .then(function (html) {
          if (mine !== seq) { return; }  // a newer request is on its way
          var keep = panel.querySelector("#draft-form");
          panel.innerHTML = html;
          if (keep) { panel.insertBefore(keep, panel.firstChild); }
          distribute(panel);
          if (status) { status.textContent = "已重新计算（尚未保存）。"; status.classList.remove("error"); }
          form.dispatchEvent(new CustomEvent("jixiao:analysed", { bubbles: true }));
        })
        .catch(function (err) {
          if (!status) { return; }
          status.textContent = err && err.message === "login"
            ? "登录已过期：请先在新窗口登录，再回到本页保存（本页内容仍在）。"
            : "重新计算失败，请检查网络后继续，保存不受影响。";
          status.classList.add("error");
        });
    }, 400);
    form.addEventListener("input", run);
    form.addEventListener("change", run);
    var dirty = false;
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (e) {
      if (dirty) { e.preventDefault(); e.returnValue = ""; }
    });
  }

  function autosize(el) {
    // a textarea as tall as its text (up to a limit), so long answers can be read whole
    el.style.height = "auto";
    el.style.height = Math.min(el.scrollHeight + 2, el.disabled ? 2000 : 320) + "px";
  }

  // Unsaved input is kept in this browser (per form and version) until it is saved, so that a
  // lost session or a closed tab does not lose a clerk's work.
  function setupKeep(form) {
    var key = form.getAttribute("data-keep-key");
    if (!key || !window.localStorage) { return; }
    var store = window.localStorage;
    form.addEventListener("input", function () {
      var values = {};
      new FormData(form).forEach(function (v, k) {
        if (k !== "csrfmiddlewaretoken" && typeof v === "string") { values[k] = v; }
      });
      try { store.setItem(key, JSON.stringify({ at: new Date().toLocaleString("zh-CN"), values: values })); } catch (e) { /* full */ }
    });
    form.addEventListener("submit", function () { store.removeItem(key); });
    var kept = null;
    try { kept = JSON.parse(store.getItem(key) || "null"); } catch (e) { kept = null; }
    if (!kept || !kept.values) { return; }
    var count = form.elements.namedItem("ind-count");
    var differs = (count && kept.values["ind-count"] && kept.values["ind-count"] !== count.value) ||
      Object.keys(kept.values).some(function (name) {
      var el = form.elements.namedItem(name);
      return el && el.value !== undefined && el.type !== "checkbox" && el.value !== kept.values[name];
    });
    if (!differs) { store.removeItem(key); return; }
    var bar = document.createElement("div");
    bar.className = "keep-bar";
    bar.id = "kept-input";
    bar.innerHTML = "本浏览器中有 <b></b> 未保存的修改。 ";
    bar.querySelector("b").textContent = kept.at;
    var restore = document.createElement("button");
    restore.type = "button"; restore.id = "kept-restore"; restore.textContent = "恢复这些修改";
    var drop = document.createElement("button");
    drop.type = "button"; drop.id = "kept-drop"; drop.textContent = "丢弃";
    bar.appendChild(restore); bar.appendChild(document.createTextNode(" ")); bar.appendChild(drop);
    form.parentNode.insertBefore(bar, form);
    restore.addEventListener("click", function () {
      if (form.jixiaoRows && kept.values["ind-count"]) {  // rows added in the browser (grid.js)
        form.jixiaoRows.resize(parseInt(kept.values["ind-count"], 10) || 0);
      }
      Object.keys(kept.values).forEach(function (name) {
        var el = form.elements.namedItem(name);
        var restorable = el && el.type !== "checkbox" && el.value !== undefined &&
          (el.type !== "hidden" || /-origin$/.test(name));
        if (restorable) { el.value = kept.values[name]; }
      });
      bar.remove();
      form.dispatchEvent(new Event("input", { bubbles: true }));
    });
    drop.addEventListener("click", function () { store.removeItem(key); bar.remove(); });
  }

  // the findings panel can be hidden (remembered in this browser) to give the table the width
  function setupPanelToggle() {
    var btn = document.getElementById("toggle-panel");
    if (!btn) { return; }
    function show(hidden) {
      document.body.classList.toggle("panel-hidden", hidden);
      btn.textContent = hidden ? "显示问题栏" : "隐藏问题栏";
      btn.setAttribute("aria-expanded", hidden ? "false" : "true");
    }
    var stored = null;
    try { stored = window.localStorage.getItem("jixiao-panel-hidden"); } catch (e) { stored = null; }
    // narrower than 1400 px the table needs the width: hidden until the user asks for it
    show(stored === null ? window.innerWidth < 1400 && window.innerWidth > 1100 : stored === "1");
    btn.addEventListener("click", function () {
      var hidden = !document.body.classList.contains("panel-hidden");
      show(hidden);
      try { window.localStorage.setItem("jixiao-panel-hidden", hidden ? "1" : "0"); } catch (e) { /* off */ }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table.sheet textarea").forEach(function (el) {
      autosize(el);
      el.addEventListener("input", function () { autosize(el); });
    });
    document.querySelectorAll("form[data-preview-url]").forEach(setupPreview);
    document.querySelectorAll("form[data-keep-key]").forEach(setupKeep);
    setupPanelToggle();
    window.addEventListener("beforeprint", function () {
      // a text cell prints as plain text, whole (a textarea would be cut at its box)
      document.querySelectorAll("table.sheet textarea").forEach(function (el) {
        var copy = document.createElement("div");
        copy.className = "print-text";
        copy.textContent = el.value;
        el.parentNode.insertBefore(copy, el.nextSibling);
      });
    });
    window.addEventListener("afterprint", function () {
      document.querySelectorAll(".print-text").forEach(function (el) { el.remove(); });
    });
    document.querySelectorAll("[data-confirm]").forEach(function (btn) {
      btn.addEventListener("click", function (e) {
        if (!window.confirm(btn.getAttribute("data-confirm"))) { e.preventDefault(); }
      });
    });
  });
})();

// the overview's bulk actions: select all, and a confirmation that counts forms with errors
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("bulk-form");
    if (!form) { return; }
    var boxes = function () { return document.querySelectorAll("input[name=ids][form=bulk-form]"); };
    var count = document.getElementById("bulk-count");
    function update() {
      var n = Array.prototype.filter.call(boxes(), function (b) { return b.checked; }).length;
      count.textContent = n ? "已选 " + n + " 个单位" : "";
    }
    var all = document.getElementById("bulk-all");
    if (all) {
      all.addEventListener("change", function () {
        boxes().forEach(function (b) { b.checked = all.checked; });
        update();
      });
    }
    document.addEventListener("change", function (e) { if (e.target.name === "ids") { update(); } });
    form.addEventListener("submit", function (e) {
      var picked = Array.prototype.filter.call(boxes(), function (b) { return b.checked; });
      var action = form.querySelector("#bulk-action");
      var label = action.options[action.selectedIndex].text;
      var withErrors = picked.filter(function (b) { return parseInt(b.getAttribute("data-errors"), 10) > 0; }).length;
      var text = "对勾选的 " + picked.length + " 个单位“" + label + "”？";
      if (action.value === "accept" && withErrors) { text = "注意：其中 " + withErrors + " 份自评还有错误未改正。\n" + text; }
      if (action.value !== "export" && !window.confirm(text)) { e.preventDefault(); }
    });
  });
})();
