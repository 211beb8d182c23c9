/*
 * The pane's watchdog. taskpane.html loads it first, before office.js and the pane's scripts, and
 * it is ES5 copied as written (never bundled), so it runs exactly where they may not: a webview too
 * old to parse the pane's ES2020, a chunk blocked or cut off by the network, office.js unreachable.
 * If the pane has not mounted a few seconds after the page opened, it replaces "正在加载…" with what
 * went wrong and what to do, Chinese first. When the pane mounts after all, React replaces #root's
 * content and the message goes with it.
 *
 * No inline script (the page's Content-Security-Policy forbids it) and no innerHTML: text nodes only.
 */
(function () {
  "use strict";

  /** How long the pane may take to mount: office.js and the chunks over a slow line, then React. */
  var GRACE_MS = 6000;
  var NOTICE_ID = "zs-boot-notice";

  var OFFICE_MISSING = [
    "无法加载 Office 的脚本库（office.js），招商台账助手没有启动。请确认这台电脑能访问互联网上的 Office 服务，" +
      "然后关闭并重新打开任务窗格；不能访问互联网的内网，请联系管理员部署内网版本的加载项。" +
      "也可以改用 Excel 网页版，或用区里提供的台账检查程序（zsledger 命令行）检查台账。",
    "Office's script library (office.js) could not be loaded, so the assistant did not start. Check that this PC " +
      "can reach Office's online services, then close and reopen the task pane; on an intranet without internet " +
      "access, ask your administrator for the intranet build of the add-in. You can also use Excel on the web, or " +
      "the ledger checker your district provides (the zsledger command line).",
  ];

  var PANE_STALLED = [
    "招商台账助手没有启动。常见原因：Excel 显示加载项所用的浏览器内核过旧（Mac 上早于 Safari 14 的系统，" +
      "或 Windows 上没有安装 Microsoft Edge WebView2 运行时），或加载项的脚本被网络拦截。" +
      "请更新 Office 和操作系统（Windows 请安装 WebView2 运行时），然后关闭并重新打开任务窗格；" +
      "也可以改用 Excel 网页版，或用区里提供的台账检查程序（zsledger 命令行）检查台账。",
    "The assistant did not start. Usually the browser engine Excel shows add-ins in is too old (a Mac older than " +
      "Safari 14, or Windows without the Microsoft Edge WebView2 Runtime), or the network blocked the add-in's " +
      "scripts. Update Office and the operating system (on Windows, install the WebView2 Runtime), then close and " +
      "reopen the task pane; or use Excel on the web, or the ledger checker your district provides (the zsledger " +
      "command line).",
  ];

  /** The pane has mounted once React has replaced the page's own placeholder in #root. */
  function mounted() {
    var root = document.getElementById("root");
    return root !== null && root.querySelector(".boot") === null;
  }

  function paragraph(text) {
    var p = document.createElement("p");
    p.appendChild(document.createTextNode(text));
    return p;
  }

  /**
   * Puts the notice in place of the loading line when the page got that far; otherwise (office.js
   * still holding up the page, #root not parsed yet) at the end of what there is of the document.
   */
  function place(notice) {
    var loading = document.querySelector("#root .boot-loading");
    if (loading !== null) {
      loading.parentNode.replaceChild(notice, loading);
      return;
    }
    var box = document.createElement("div");
    box.className = "boot";
    box.appendChild(notice);
    (document.body || document.documentElement).appendChild(box);
  }

  function show() {
    if (mounted() || document.getElementById(NOTICE_ID) !== null) return;
    var texts = typeof window.Office === "undefined" ? OFFICE_MISSING : PANE_STALLED;
    var notice = document.createElement("div");
    notice.id = NOTICE_ID;
    notice.className = "boot-notice";
    notice.setAttribute("role", "alert");
    for (var i = 0; i < texts.length; i++) notice.appendChild(paragraph(texts[i]));
    place(notice);
    // A notice outside #root is not replaced by React: remove it if the pane mounts after all.
    var watch = window.setInterval(function () {
      if (!mounted()) return;
      window.clearInterval(watch);
      var box = notice.parentNode;
      if (box !== null && box.parentNode !== null && box.className === "boot" && box.parentNode.id !== "root") box.parentNode.removeChild(box);
    }, 1000);
  }

  window.setTimeout(show, GRACE_MS);
})();
