// jixiao web: the evaluation table as a spreadsheet. Plain script, no framework, no CDN.
//
// - Enter / Shift+Enter move down / up (Enter never submits the form); Alt+Enter is a new line
//   in a text cell; arrow keys move between cells at the edge of a cell's text; Tab as usual.
// - Indicator rows are added, inserted, moved and deleted here without a save or a reload:
//   Enter on the last row adds a row; Ctrl+Enter inserts a row below (Ctrl+Shift+Enter above);
//   Alt+↑ / Alt+↓ move the row; Alt+Delete deletes it; Ctrl+D copies the cell above. Rows are
//   renumbered (ind-<i>-…), each keeps its stored row in ind-<i>-origin, ind-count is updated.
// - A block copied from Excel/WPS (tab-separated lines) is pasted cell by cell, adding rows.
// - Ctrl+S saves; after the save the page comes back at the same place with the same cell focused.
(function () {
  "use strict";

  var CELLS = "input[type=text], input:not([type]), textarea";
  var IND = /ind-\d+/;

  function editable(el) { return !el.disabled && !el.readOnly; }

  function cellsOf(tr) {
    return Array.prototype.filter.call(tr.querySelectorAll(CELLS), editable);
  }

  function gridRows(form) {
    return Array.prototype.filter.call(form.querySelectorAll("table.sheet tr"), function (tr) {
      return cellsOf(tr).length > 0;
    });
  }

  function indRows(form) {
    return Array.prototype.slice.call(form.querySelectorAll("#sheet-indicators tr[id^=row-ind-]"));
  }

  function fire(form) { form.dispatchEvent(new Event("input", { bubbles: true })); }

  function focusCell(el, atEnd) {
    if (!el) { return; }
    el.focus();
    if (typeof el.setSelectionRange === "function") {
      var n = atEnd === false ? 0 : el.value.length;
      try { el.setSelectionRange(n, n); } catch (e) { /* not a text input */ }
    }
  }

  // -- rows of the indicator table ----------------------------------------------------------

  function Rows(form) {
    this.form = form;
    this.count = form.querySelector("#ind-count");
    var first = indRows(form)[0];
    this.proto = first ? blankRow(first) : null;
  }

  function blankRow(tr) {
    var row = tr.cloneNode(true);
    row.classList.remove("has-findings");
    row.removeAttribute("data-locked");  // a new row is the unit's own, never an approved one
    row.querySelectorAll(".locked-row").forEach(function (el) { el.remove(); });
    row.querySelectorAll("[data-locked]").forEach(function (el) {
      el.disabled = false;
      el.removeAttribute("data-locked");
    });
    row.querySelectorAll(CELLS).forEach(function (el) {
      el.value = "";
      el.textContent = el.tagName === "TEXTAREA" ? "" : el.textContent;
      el.classList.remove("invalid");
      el.removeAttribute("title");
    });
    row.querySelectorAll(".field-error, .comment").forEach(function (el) { el.remove(); });
    row.querySelectorAll(".row-analysis").forEach(function (el) { el.innerHTML = ""; });
    var origin = row.querySelector("input[name$=-origin]");
    if (origin) { origin.value = ""; }
    return row;
  }

  Rows.prototype.renumber = function () {
    var rows = indRows(this.form);
    rows.forEach(function (tr, i) {
      var key = "ind-" + i;
      tr.id = "row-" + key;
      tr.querySelectorAll("[name], [id]").forEach(function (el) {
        if (el.name && IND.test(el.name)) { el.name = el.name.replace(IND, key); }
        if (el.id && IND.test(el.id)) { el.id = el.id.replace(IND, key); }
      });
      var tools = tr.querySelector(".row-tools");
      if (tools) { tools.setAttribute("data-n", String(i + 1)); }
    });
    if (this.count) { this.count.value = String(rows.length); }
  };

  Rows.prototype.insert = function (ref, below) {
    if (!this.proto) { return null; }
    var row = this.proto.cloneNode(true);
    var tbody = this.form.querySelector("#sheet-indicators tbody");
    var anchor = ref ? (below ? ref.nextSibling : ref) : tbody.querySelector("#row-total");
    tbody.insertBefore(row, anchor);
    setupTools(this, row);
    this.renumber();
    fire(this.form);
    return row;
  };

  Rows.prototype.remove = function (tr) {
    if (tr.hasAttribute("data-locked")) { return null; }  // an approved target's row stays
    var next = tr.nextElementSibling && tr.nextElementSibling.id.indexOf("row-ind-") === 0
      ? tr.nextElementSibling : tr.previousElementSibling;
    tr.remove();
    this.renumber();
    fire(this.form);
    return next && next.id.indexOf("row-ind-") === 0 ? next : null;
  };

  Rows.prototype.move = function (tr, down) {
    var other = down ? tr.nextElementSibling : tr.previousElementSibling;
    if (!other || other.id.indexOf("row-ind-") !== 0) { return; }
    tr.parentNode.insertBefore(tr, down ? other.nextSibling : other);
    this.renumber();
    fire(this.form);
  };

  // exactly n indicator rows (restoring input kept in the browser)
  Rows.prototype.resize = function (n) {
    while (indRows(this.form).length < n && this.proto) { this.insert(null, false); }
    var rows = indRows(this.form);
    while (rows.length > n) { rows.pop().remove(); }
    this.renumber();
  };

  function setupTools(rows, tr) {
    var td = tr.querySelector("td.row-tools");
    if (!td) { return; }
    var del = td.querySelector("input[type=checkbox]");
    if (del) { del.remove(); }  // deleting is immediate here; the checkbox serves without script
    if (td.querySelector("button")) { return; }
    [["up", "↑", "上移此行（Alt+↑）"], ["down", "↓", "下移此行（Alt+↓）"],
     ["insert", "＋", "在下方插入一行（Ctrl+Enter）"], ["delete", "×", "删除此行（Alt+Delete）"]]
      .filter(function (b) { return b[0] !== "delete" || !tr.hasAttribute("data-locked"); })
      .forEach(function (b) {
        var btn = document.createElement("button");
        btn.type = "button";
        btn.className = "row-" + b[0];
        btn.textContent = b[1];
        btn.title = b[2];
        btn.setAttribute("aria-label", b[2]);
        btn.tabIndex = -1;  // Tab goes from cell to cell; the keys above do the same
        td.appendChild(btn);
      });
  }

  // -- pasting a block from a spreadsheet ----------------------------------------------------

  // Excel/WPS put a block on the clipboard as tab-separated lines; a cell with a line break or a
  // tab is quoted ("a""b" for a quote).
  function parseBlock(text) {
    var rows = [[]], cell = "", i = 0, quoted = false;
    text = text.replace(/\r\n?/g, "\n");
    if (text.slice(-1) === "\n") { text = text.slice(0, -1); }
    while (i < text.length) {
      var ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
        if (ch === '"') { quoted = false; i += 1; continue; }
        cell += ch; i += 1; continue;
      }
      if (ch === '"' && cell === "") { quoted = true; i += 1; continue; }
      if (ch === "\t") { rows[rows.length - 1].push(cell); cell = ""; i += 1; continue; }
      if (ch === "\n") { rows[rows.length - 1].push(cell); rows.push([]); cell = ""; i += 1; continue; }
      cell += ch; i += 1;
    }
    rows[rows.length - 1].push(cell);
    return rows;
  }

  function paste(rows, target, text) {
    var block = parseBlock(text);
    if (block.length === 1 && block[0].length === 1) { return false; }  // one value: as usual
    var form = rows.form;
    var tr = target.closest("tr");
    var table = tr.closest("table");
    var start = cellsOf(tr).indexOf(target);
    var filled = 0;
    block.forEach(function (values, k) {
      if (!tr) { return; }
      var cells = cellsOf(tr).slice(start);
      var required = cells.filter(function (el) { return !el.hasAttribute("data-optional"); });
      // the official table has no 指标性质 column: a block that narrow skips it
      var into = values.length <= required.length ? required : cells;
      values.forEach(function (v, j) {
        if (into[j]) { into[j].value = v.trim(); filled += 1; }
      });
      if (k === block.length - 1) { return; }
      var next = tr.nextElementSibling;
      if (table.id === "sheet-indicators" && (!next || next.id.indexOf("row-ind-") !== 0)) {
        next = rows.insert(tr, true);
      }
      tr = next && cellsOf(next).length ? next : null;
    });
    form.querySelectorAll("table.sheet textarea").forEach(function (el) {
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
    fire(form);
    var status = document.getElementById("preview-status");
    if (status) { status.textContent = "已粘贴 " + filled + " 个单元格（尚未保存）。"; }
    return true;
  }

  // -- keys ------------------------------------------------------------------------------------

  function caretAtStart(el) {
    return el.selectionStart === 0 && el.selectionEnd === 0;
  }

  function caretAtEnd(el) {
    return el.selectionStart === el.value.length && el.selectionEnd === el.value.length;
  }

  function onFirstLine(el) {
    return el.tagName !== "TEXTAREA" || el.value.lastIndexOf("\n", el.selectionStart - 1) < 0;
  }

  function onLastLine(el) {
    return el.tagName !== "TEXTAREA" || el.value.indexOf("\n", el.selectionEnd) < 0;
  }

  // Tab, Tab, …, Enter goes to the next row's cell where the Tabs began (as in Excel)
  var tabRun = null;  // {row, col}

  function vertical(form, el, down) {
    var all = gridRows(form);
    var tr = el.closest("tr");
    var col = cellsOf(tr).indexOf(el);
    if (tabRun && tabRun.row === tr) { col = tabRun.col; }
    tabRun = null;
    var r = all.indexOf(tr) + (down ? 1 : -1);
    if (r < 0 || r >= all.length) { return; }
    var cells = cellsOf(all[r]);
    focusCell(cells[Math.min(col, cells.length - 1)]);
  }

  function sideways(form, el, right) {
    var all = Array.prototype.filter.call(form.querySelectorAll("table.sheet " + CELLS.split(", ").join(", table.sheet ")), editable);
    focusCell(all[all.indexOf(el) + (right ? 1 : -1)], right ? false : true);
  }

  function isIndRow(tr) { return tr && tr.id.indexOf("row-ind-") === 0; }

  function onKey(rows, e) {
    var el = e.target;
    var form = rows.form;
    if (e.key === "s" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      var save = form.querySelector("#save");
      if (save) { form.requestSubmit(save); }
      return;
    }
    if (!el.matches || !el.matches(CELLS) || !el.closest("table.sheet")) {
      if (e.key === "Enter" && el.matches && el.matches("input")) { e.preventDefault(); }
      return;
    }
    var tr = el.closest("tr");
    var col = cellsOf(tr).indexOf(el);
    if (e.key === "Tab") {
      if (!tabRun || tabRun.row !== tr) { tabRun = { row: tr, col: col }; }
      return;
    }
    if (e.key === "Enter") {
      if (e.altKey && el.tagName === "TEXTAREA") {  // a line break inside the cell
        e.preventDefault();
        el.setRangeText("\n", el.selectionStart, el.selectionEnd, "end");
        el.dispatchEvent(new Event("input", { bubbles: true }));
        return;
      }
      e.preventDefault();
      if (tabRun && tabRun.row === tr) { col = tabRun.col; }
      if (e.ctrlKey && isIndRow(tr)) {
        tabRun = null;
        var added = rows.insert(tr, !e.shiftKey);
        if (added) { focusCell(cellsOf(added)[col]); }
        return;
      }
      if (!e.shiftKey && isIndRow(tr) && !isIndRow(tr.nextElementSibling)) {
        tabRun = null;
        var appended = rows.insert(tr, true);
        if (appended) { focusCell(cellsOf(appended)[col]); }
        return;
      }
      vertical(form, el, !e.shiftKey);
      return;
    }
    if (e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown") && isIndRow(tr)) {
      e.preventDefault();
      rows.move(tr, e.key === "ArrowDown");
      focusCell(el);
      return;
    }
    if (e.altKey && e.key === "Delete" && isIndRow(tr)) {
      e.preventDefault();
      var next = rows.remove(tr);
      if (next) { focusCell(cellsOf(next)[col]); }
      return;
    }
    if ((e.ctrlKey || e.metaKey) && (e.key === "d" || e.key === "D")) {
      e.preventDefault();
      var all = gridRows(form);
      var above = all[all.indexOf(tr) - 1];
      var source = above && cellsOf(above)[col];
      if (source) { el.value = source.value; el.dispatchEvent(new Event("input", { bubbles: true })); }
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
    if (e.key === "ArrowUp" && onFirstLine(el)) { e.preventDefault(); vertical(form, el, false); }
    else if (e.key === "ArrowDown" && onLastLine(el) && !el.list) { e.preventDefault(); vertical(form, el, true); }
    else if (e.key === "ArrowLeft" && caretAtStart(el)) { e.preventDefault(); sideways(form, el, false); }
    else if (e.key === "ArrowRight" && caretAtEnd(el)) { e.preventDefault(); sideways(form, el, true); }
  }

  // -- coming back to the same place after a save ----------------------------------------------

  function placeKey() { return "jixiao-place:" + location.pathname; }

  function keepPlace() {
    try {
      var focused = document.activeElement;
      sessionStorage.setItem(placeKey(), JSON.stringify({
        y: window.scrollY, focus: focused && focused.id && focused.id !== "save" ? focused.id : ""
      }));
    } catch (e) { /* storage off: the page simply opens at the top */ }
  }

  function restorePlace() {
    var place = null;
    try {
      place = JSON.parse(sessionStorage.getItem(placeKey()) || "null");
      sessionStorage.removeItem(placeKey());
    } catch (e) { place = null; }
    if (!place) { return; }
    var el = place.focus && document.getElementById(place.focus);
    if (el) { el.focus({ preventScroll: true }); }
    window.scrollTo(0, place.y || 0);
  }

  function setup(form) {
    var rows = new Rows(form);
    indRows(form).forEach(function (tr) { setupTools(rows, tr); });
    form.jixiaoRows = rows;
    form.addEventListener("keydown", function (e) { onKey(rows, e); });
    form.addEventListener("paste", function (e) {
      var el = e.target;
      if (!el.matches || !el.matches(CELLS) || !el.closest("table.sheet")) { return; }
      var text = (e.clipboardData || window.clipboardData).getData("text/plain");
      if (text && /[\t\n]/.test(text.replace(/\r?\n$/, "")) && paste(rows, el, text)) { e.preventDefault(); }
    });
    form.addEventListener("click", function (e) {
      var btn = e.target.closest && e.target.closest("button");
      if (!btn) { return; }
      var tr = btn.closest("tr");
      if (btn.id === "add-indicator" && rows.proto) {
        e.preventDefault();
        var last = indRows(form).slice(-1)[0];
        var row = rows.insert(last || null, true);
        focusCell(cellsOf(row)[0]);
      } else if (btn.classList.contains("row-up") || btn.classList.contains("row-down")) {
        rows.move(tr, btn.classList.contains("row-down"));
      } else if (btn.classList.contains("row-insert")) {
        focusCell(cellsOf(rows.insert(tr, true))[0]);
      } else if (btn.classList.contains("row-delete")) {
        rows.remove(tr);
      } else if (btn.classList.contains("use-score")) {  // take the suggested score
        var input = document.getElementById("f-" + btn.getAttribute("data-row") + "-score");
        if (input && editable(input)) { input.value = btn.getAttribute("data-score"); fire(form); }
      }
    });
    form.addEventListener("submit", keepPlace);
    restorePlace();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-grid]").forEach(setup);
  });
  window.jixiaoGrid = { parseBlock: parseBlock };
})();
