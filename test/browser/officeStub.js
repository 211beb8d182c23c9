/*
 * What the browser test serves in place of office.js: an `Office` that is ready at once and an
 * `Excel` whose workbook holds the sample ledger (window.__ZS_WORKBOOK__, set by the test before
 * the page's scripts run). It implements just the Excel JavaScript API the add-in calls, with
 * Excel's answers, and records what the pane did to the workbook in window.__ZS_EXCEL__.
 *
 * Simplification: queued operations take effect at once instead of at context.sync(); the adapter
 * reads nothing before a sync, so it cannot tell the difference. Errors Excel reports at sync
 * (a sheet that does not exist) are reported at the next sync, as Excel does.
 */
(function () {
  "use strict";
  var data = window.__ZS_WORKBOOK__;
  if (!data) throw new Error("officeStub: window.__ZS_WORKBOOK__ was not set");

  var sheets = data.sheets.map(function (s) {
    return { name: s.name, values: s.values, merges: s.merges, visibility: "Visible", formats: [] };
  });
  var log = {
    runs: 0,
    syncs: 0,
    selections: [],
    activated: [],
    calculated: 0,
    associated: [],
    changeHandlers: [],
    sheets: sheets,
    /** Workbook-level defined names: { name, formula }. */
    names: [],
    /** Conditional formats added so far. */
    added: 0,
    /** The custom formulas of a sheet's conditional formats. */
    formulasOf: function (name) {
      var s = findSheet(name);
      return s ? s.formats.map(function (f) { return f.formula; }) : [];
    },
    /** Fires worksheets.onChanged as Excel does after an edit. */
    fireChanged: function (sheet, address) {
      log.changeHandlers.slice().forEach(function (h) {
        h({ worksheetId: sheet, address: address, changeType: "RangeEdited", source: "Local", type: "WorksheetChanged" });
      });
    },
  };
  window.__ZS_EXCEL__ = log;

  function findSheet(name) {
    return sheets.find(function (s) { return s.name === name; }) || null;
  }

  function columnNumber(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
    return n;
  }

  /** "B3:D4" or "C9" → 0-based inclusive bounds. */
  function parseA1(address) {
    var m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.replace(/^.*!/, ""));
    if (!m) throw officeError("InvalidArgument", "The argument is invalid: " + address);
    var top = Number(m[2]) - 1;
    var left = columnNumber(m[1]) - 1;
    return { top: top, left: left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? columnNumber(m[3]) - 1 : left };
  }

  function officeError(code, message) {
    var e = new Error(message);
    e.name = "RichApi.Error";
    e.code = code;
    return e;
  }

  function width(grid) {
    return grid.reduce(function (w, row) { return Math.max(w, row.length); }, 0);
  }

  function slice(grid, a) {
    var rows = [];
    for (var r = a.top; r <= a.bottom; r++) {
      var row = [];
      for (var c = a.left; c <= a.right; c++) {
        var v = grid[r] && grid[r][c];
        row.push(v === undefined || v === null ? "" : v);
      }
      rows.push(row);
    }
    return rows;
  }

  function write(sheet, a, rows) {
    for (var r = 0; r <= a.bottom - a.top; r++) {
      while (sheet.values.length <= a.top + r) sheet.values.push([]);
      var row = sheet.values[a.top + r];
      for (var c = 0; c <= a.right - a.left; c++) {
        while (row.length <= a.left + c) row.push("");
        row[a.left + c] = rows === null ? "" : rows[r][c];
      }
    }
  }

  function loadable(obj) {
    obj.load = function () { return obj; };
    return obj;
  }

  function conditionalFormats(sheet, address) {
    return loadable({
      get items() {
        return sheet.formats.map(function (f) {
          return { customOrNullObject: { isNullObject: false, rule: { formula: f.formula } } };
        });
      },
      add: function (type) {
        var f = { type: type, ranges: address, formula: null, fill: null, font: null, border: null };
        sheet.formats.push(f);
        log.added++;
        var edge = {
          set style(v) { f.borderStyle = v; },
          set color(v) { f.border = v; },
        };
        return {
          custom: {
            rule: {
              get formula() { return f.formula; },
              set formula(v) { f.formula = v; },
            },
            format: {
              fill: { set color(v) { f.fill = v; } },
              font: { set color(v) { f.font = v; } },
              borders: { top: edge, bottom: edge, left: edge, right: edge },
            },
          },
        };
      },
      getItemAt: function (index) {
        var f = sheet.formats[index];
        return {
          delete: function () {
            var i = sheet.formats.indexOf(f);
            if (i >= 0) sheet.formats.splice(i, 1);
          },
        };
      },
    });
  }

  function range(sheet, address) {
    var a = address ? parseA1(address) : null;
    return loadable({
      get values() { return a ? slice(sheet.values, a) : undefined; },
      set values(rows) { write(sheet, a, rows); },
      get formulas() { return a ? slice(sheet.values, a) : undefined; },
      set formulas(rows) { write(sheet, a, rows); },
      set numberFormat(_formats) {},
      clear: function () { write(sheet, a, null); },
      select: function () { log.selections.push({ sheet: sheet.name, address: address }); },
      getMergedAreasOrNullObject: function () {
        var inside = sheet.merges.filter(function (m) {
          var b = parseA1(m);
          return !a || (b.top >= a.top && b.bottom <= a.bottom && b.left >= a.left && b.right <= a.right);
        });
        return loadable({
          isNullObject: inside.length === 0,
          address: inside.map(function (m) { return "'" + sheet.name + "'!" + m; }).join(","),
        });
      },
      conditionalFormats: conditionalFormats(sheet, address || null),
      // Nothing in the sample is hidden.
      getEntireRow: function () { return loadable({ rowHidden: false }); },
      getEntireColumn: function () { return loadable({ columnHidden: false }); },
    });
  }

  function findName(name) {
    return log.names.find(function (n) { return n.name.toLowerCase() === name.toLowerCase(); }) || null;
  }

  function namedItem(n) {
    return loadable({
      isNullObject: n === null,
      get name() { return n.name; },
      get formula() { return n.formula; },
      set formula(v) { n.formula = v; },
      delete: function () { log.names.splice(log.names.indexOf(n), 1); },
    });
  }

  var names = {
    getItemOrNullObject: function (name) { return namedItem(findName(name)); },
    getItem: function (name) { return namedItem(findName(name)); },
    add: function (name, reference) {
      var n = { name: name, formula: reference };
      log.names.push(n);
      return namedItem(n);
    },
  };

  function usedRange(sheet, orNullObject) {
    var rows = sheet.values.length;
    var columns = width(sheet.values);
    var blank = rows === 0 || columns === 0;
    var a = { top: 0, left: 0, bottom: Math.max(rows, 1) - 1, right: Math.max(columns, 1) - 1 };
    return loadable({
      isNullObject: orNullObject && blank,
      rowIndex: 0,
      columnIndex: 0,
      rowCount: blank ? 1 : rows,
      columnCount: blank ? 1 : columns,
      get values() { return slice(sheet.values, a); },
      get formulas() { return slice(sheet.values, a); },
    });
  }

  function createContext() {
    var failures = [];
    var context = {
      sync: function () {
        log.syncs++;
        var failure = failures.shift();
        failures.length = 0;
        return failure ? Promise.reject(failure) : Promise.resolve();
      },
    };
    function worksheet(name) {
      var sheet = findSheet(name);
      if (!sheet) {
        failures.push(officeError("ItemNotFound", "The requested resource doesn't exist."));
        sheet = { name: name, values: [], merges: [], visibility: "Visible", formats: [] };
      }
      return loadable({
        name: sheet.name,
        visibility: sheet.visibility,
        protection: loadable({ protected: false }),
        activate: function () { log.activated.push(sheet.name); },
        getUsedRangeOrNullObject: function () { return usedRange(sheet, true); },
        getUsedRange: function () { return usedRange(sheet, false); },
        getRange: function (address) { return range(sheet, address); },
        getRanges: function (list) {
          return loadable({ address: list, conditionalFormats: conditionalFormats(sheet, list) });
        },
      });
    }
    var worksheets = loadable({
      get items() {
        return sheets.map(function (s) { return { name: s.name, visibility: s.visibility }; });
      },
      getItem: worksheet,
      add: function (name) {
        sheets.push({ name: name, values: [], merges: [], visibility: "Visible", formats: [] });
        return worksheet(name);
      },
      onChanged: {
        add: function (handler) {
          log.changeHandlers.push(handler);
          return {
            context: context,
            remove: function () {
              var i = log.changeHandlers.indexOf(handler);
              if (i >= 0) log.changeHandlers.splice(i, 1);
            },
          };
        },
      },
    });
    context.workbook = loadable({
      name: data.name,
      worksheets: worksheets,
      names: names,
      // DATE(1904,1,1) is 1462 in a 1900-system workbook, which the sample is.
      functions: { date: function () { return loadable({ value: 1462, error: null }); } },
      application: { calculate: function () { log.calculated++; } },
    });
    return context;
  }

  window.Excel = {
    run: function (first, second) {
      log.runs++;
      var batch = typeof first === "function" ? first : second;
      var context = typeof first === "function" ? createContext() : first;
      return Promise.resolve().then(function () { return batch(context); });
    },
  };

  /** ExcelApi up to 1.13, as current Excel has (getRanges, onChanged, merged areas). */
  function supported(version) {
    var p = String(version).split(".").map(Number);
    return p[0] === 1 && (p[1] || 0) <= 13;
  }

  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC" },
    context: {
      displayLanguage: data.displayLanguage,
      contentLanguage: data.displayLanguage,
      requirements: {
        isSetSupported: function (name, version) {
          return name === "ExcelApi" && supported(version || "1.1");
        },
      },
    },
    onReady: function (callback) {
      var ready = new Promise(function (resolve) {
        setTimeout(function () { resolve({ host: "Excel", platform: "PC" }); }, 0);
      });
      if (callback) ready.then(callback);
      return ready;
    },
  };

  // The page is the shared runtime's: it registers the ZS functions when the host offers them.
  window.CustomFunctions = {
    associate: function (id) { log.associated.push(id); },
  };
})();
