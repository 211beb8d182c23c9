#!/usr/bin/env node
/**
 * `npm start` / `npm stop`: how to load the development add-in into Excel, printed rather than
 * done. yo office does this with office-addin-debugging, which is not a dependency here (it needs
 * keytar, a native module that many machines cannot build); sideloading by hand takes a minute.
 */
const path = require("path");

const manifest = path.resolve(__dirname, "..", "manifest.xml");
const what = process.argv[2] === "stop" ? "stop" : "start";

const START = `
招商台账助手 · 开发调试 / development
────────────────────────────────────
开发服务器将在 https://localhost:3000 启动（Ctrl+C 停止）。加载清单文件：
The dev server starts on https://localhost:3000 (Ctrl+C stops it). Load this manifest:
  ${manifest}

Excel 网页版 / Excel on the web:
  插入 > 加载项 > 我的加载项 > 上传我的加载项，选择上面的 manifest.xml。
  Insert > Add-ins > My Add-ins > Upload My Add-in, and choose the manifest above.

Excel 桌面版（Windows）/ Excel desktop on Windows:
  1. 把 manifest.xml 所在文件夹设为网络共享（如 \\\\本机名\\zsledger）。
     Share the folder that holds manifest.xml (e.g. \\\\this-pc\\zsledger).
  2. 文件 > 选项 > 信任中心 > 信任中心设置 > 受信任的加载项目录：添加该共享路径，勾选“显示在菜单中”，重启 Excel。
     File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs: add the share,
     tick "Show in Menu", restart Excel.
  3. 插入 > 我的加载项 > 共享文件夹 > 招商台账助手。
     Insert > My Add-ins > Shared Folder > Investment Ledger Assistant.

Excel for Mac: 把 manifest.xml 复制到 / copy manifest.xml to
  ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/

证书 / Certificate: Excel 只加载受信任的 HTTPS。请先运行一次 npm run dev-certs（office-addin-dev-certs）：
它生成有效期 365 天的开发证书，并把其根证书装入当前用户的“受信任的根证书颁发机构”（Windows）或登录钥匙串（Mac）。
Excel loads trusted HTTPS only. Run npm run dev-certs (office-addin-dev-certs) once: it makes a
development certificate valid for 365 days and trusts its CA for the current user (Windows) or in
the login keychain (Mac). README: 开发证书 Dev certificates.
`;

const STOP = `
停止调试 / To stop:
  - 在运行 npm start 或 npm run dev-server 的终端按 Ctrl+C。
    Press Ctrl+C in the terminal running npm start or npm run dev-server.
  - Excel 网页版：插入 > 加载项 > 我的加载项，在“招商台账助手”的“…”菜单中选择“删除”。
    Excel on the web: Insert > Add-ins > My Add-ins, "…" on the add-in, Remove.
  - Excel 桌面版：从共享文件夹移走 manifest.xml，关闭 Excel，并清除加载项缓存
    %LOCALAPPDATA%\\Microsoft\\Office\\16.0\\Wef\\（Mac：~/Library/Containers/com.microsoft.Excel/Data/Library/Caches/）。
    Excel desktop: remove manifest.xml from the share, close Excel and clear the add-in cache above.
`;

process.stdout.write(what === "stop" ? STOP : START);
