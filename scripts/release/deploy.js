/**
 * What a district's IT staff need to host the Office add-in: the nginx snippet, the IIS web.config
 * and the deployment notes (DEPLOY.md, Chinese first), all written for the one base URL of the
 * release and for the files this build actually emitted.
 *
 * The rules every text here follows:
 *  - the Content-Security-Policy header is the very policy of taskpane.html's <meta> (read from the
 *    built page), so a server never allows less or more than the page itself;
 *  - files whose name carries webpack's content hash never change and are cached for a year; every
 *    other file (the page, the manifest, the functions' metadata, entry scripts without a hash)
 *    is revalidated on every load, so an update reaches every PC at once;
 *  - the functions' metadata is readable across origins (Excel on the web fetches it from its
 *    own domain); nothing else is;
 *  - nothing forbids framing: Excel on the web shows the pane in an iframe.
 */
const path = require("path");
const { URL } = require("url");

/** webpack's `[name].[contenthash:8].js` chunks (webpack.config.js `chunkFilename`). */
const HASHED_FILE = /\.[0-9a-f]{8}\.js$/;
/** The same test in nginx's PCRE, on the request path. */
const NGINX_HASHED = "\\.[0-9a-f]{8}\\.js$";
/** The custom functions' metadata, fetched cross-origin by Excel on the web. */
const CROSS_ORIGIN_FILES = ["functions.json", "functions.zh-cn.json"];
const YEAR_SECONDS = 31536000;

/** The types the site's files need, by extension; servers' own tables lack some (.json on old IIS). */
const MIME = [
  ["html", "text/html"],
  ["js", "application/javascript"],
  ["json", "application/json"],
  ["xml", "application/xml"],
  ["css", "text/css"],
  ["png", "image/png"],
  ["svg", "image/svg+xml"],
  ["ico", "image/x-icon"],
  ["woff", "font/woff"],
  ["woff2", "font/woff2"],
  ["txt", "text/plain"],
];
/** Text types whose Content-Type gets "; charset=utf-8" (the scripts hold Chinese text). */
const TEXT_TYPES = new Set(["text/html", "application/javascript", "application/json", "application/xml", "text/css", "image/svg+xml", "text/plain"]);

/** The policy of the page's <meta http-equiv="Content-Security-Policy">, entities decoded; throws when there is none. */
function pageCsp(html) {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["'\s>/]/i.test(tag)) continue;
    const m = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    if (m) return decodeEntities(m[1] ?? m[2]).trim();
  }
  throw new Error("taskpane.html has no Content-Security-Policy <meta>: the server's header would have nothing to match");
}

function decodeEntities(s) {
  return s.replace(/&(quot|#39|apos|lt|gt|amp);/g, (_, e) => ({ quot: '"', "#39": "'", apos: "'", lt: "<", gt: ">", amp: "&" })[e]);
}

function xmlAttr(s) {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The base URL's parts: host, and the path the site is served under (always with both slashes). */
function baseParts(baseUrl) {
  const u = new URL(baseUrl);
  return { origin: u.origin, host: u.host, pathname: u.pathname.endsWith("/") ? u.pathname : `${u.pathname}/` };
}

function nginxRegexPath(pathname) {
  return pathname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The nginx snippet: one prefix location for the site (root-based, so the nested regex locations
 * map paths the same way; `alias` would not), with headers repeated in each nested location
 * because nginx drops inherited add_header lines wherever a location adds its own.
 */
function nginxConf({ baseUrl, csp, version, webRoot = "/srv/zsledger/www" }) {
  const { host, pathname } = baseParts(baseUrl);
  const p = nginxRegexPath(pathname);
  const common = [`add_header Content-Security-Policy "${csp}" always;`, `add_header X-Content-Type-Options "nosniff" always;`];
  const block = (lines) => lines.map((l) => `        ${l}`).join("\n");
  const types = MIME.map(([ext, type]) => `        ${type.padEnd(24)} ${ext};`).join("\n");
  const charsetTypes = [...new Set(MIME.map(([, t]) => t).filter((t) => TEXT_TYPES.has(t) && t !== "text/html"))].join(" ");
  return `# zsledger 招商台账助手 ${version} — Office 加载项 / Office add-in at ${baseUrl}
# 放进 server_name ${host} 的 HTTPS server { listen 443 ssl; ... } 块中。
# Put inside the HTTPS server { listen 443 ssl; ... } block of server_name ${host}.
# 网站文件（site/ 的内容）放在 ${webRoot}${pathname}；路径不同时只改下面的 root。
# The site's files (the contents of site/) go to ${webRoot}${pathname}; elsewhere, change root only.

location ^~ ${pathname} {
    root ${webRoot};
    # 只用这些类型；其他扩展名按 application/octet-stream。 These types only; anything else is octet-stream.
    types {
${types}
    }
    default_type application/octet-stream;
    charset utf-8;
    charset_types ${charsetTypes};

    # 入口文件（页面、清单、无哈希的脚本）：每次向服务器确认。 Entry files: revalidate on every load.
    add_header Cache-Control "no-cache" always;
${block(common).replace(/^ {8}/gm, "    ")}

    # 文件名带内容哈希的脚本永不改变：缓存一年。 Scripts named by their content hash never change: a year.
    location ~ "^${p}.*${NGINX_HASHED}" {
        add_header Cache-Control "public, max-age=${YEAR_SECONDS}, immutable" always;
${block(common)}
    }

    # 自定义函数说明：Excel 网页版从自己的域名读取（跨域）。 Functions' metadata: Excel on the web reads it cross-origin.
    location ~ "^${p}functions(\\.zh-cn)?\\.json$" {
        add_header Cache-Control "no-cache" always;
        add_header Access-Control-Allow-Origin "*" always;
${block(common)}
    }

    # IIS 的配置文件，不对外提供。 IIS's configuration file is not served.
    location ~ "^${p}web\\.config$" {
        return 404;
    }
}
`;
}

/**
 * The IIS web.config for the site's folder: static files only, no URL Rewrite module needed. The
 * long-lived files are named one by one (IIS's clientCache has no file pattern), from this build.
 */
function webConfig({ csp, hashedFiles, version }) {
  const mime = MIME.map(
    ([ext, type]) =>
      `      <remove fileExtension=".${ext}" />\n      <mimeMap fileExtension=".${ext}" mimeType="${type}${TEXT_TYPES.has(type) ? "; charset=utf-8" : ""}" />`,
  ).join("\n");
  const longLived = hashedFiles
    .map(
      (f) => `  <location path="${xmlAttr(f)}">
    <system.webServer>
      <staticContent>
        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" cacheControlCustom="public, immutable" />
      </staticContent>
    </system.webServer>
  </location>`,
    )
    .join("\n");
  const crossOrigin = CROSS_ORIGIN_FILES.map(
    (f) => `  <location path="${f}">
    <system.webServer>
      <httpProtocol>
        <customHeaders>
          <add name="Access-Control-Allow-Origin" value="*" />
        </customHeaders>
      </httpProtocol>
    </system.webServer>
  </location>`,
  ).join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<!--
  zsledger 招商台账助手 ${version}：IIS 站点配置（放在网站文件夹中，与 taskpane.html 同级）。
  IIS configuration for the add-in's folder (beside taskpane.html). Static files only.
  MIME 类型 / MIME types; 缓存：入口文件每次确认，带哈希的脚本缓存一年 / caching: entry files
  revalidated, hashed scripts a year; CSP 与 taskpane.html 的 meta 相同 / CSP as in taskpane.html;
  functions*.json 允许跨域（Excel 网页版）/ cross-origin for Excel on the web.
-->
<configuration>
  <system.webServer>
    <staticContent>
${mime}
      <clientCache cacheControlMode="DisableCache" />
    </staticContent>
    <httpProtocol>
      <customHeaders>
        <add name="Content-Security-Policy" value="${xmlAttr(csp)}" />
        <add name="X-Content-Type-Options" value="nosniff" />
      </customHeaders>
    </httpProtocol>
  </system.webServer>
${longLived}
${crossOrigin}
</configuration>
`;
}

/** The registry entries of a trusted add-in catalog on a network share (what Excel's Trust Center writes). */
function catalogReg(share, guid) {
  const esc = (s) => s.replace(/\\/g, "\\\\");
  return `Windows Registry Editor Version 5.00

[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\{${guid}}]
"Id"="{${guid}}"
"Url"="${esc(share)}"
"Flags"=dword:00000001
`;
}

/**
 * DEPLOY.md: Chinese in full first, then English. `site` describes the built files: `files` (paths
 * relative to site/), `hashedFiles`, `selfHostedOfficeJs`.
 */
function deployNotes({ baseUrl, version, csp, site, wps, catalogGuid, webRoot = "/srv/zsledger/www" }) {
  const { host, pathname } = baseParts(baseUrl);
  const alias = pathname.replace(/^\/|\/$/g, "");
  const entryScripts = site.files.filter((f) => f.endsWith(".js") && !HASHED_FILE.test(f) && !f.includes("/"));
  const hashed = site.hashedFiles[0] ?? "<name>.<hash>.js";
  const share = "\\\\fileserver\\zsledger-catalog";
  const officeJsZh = site.selfHostedOfficeJs
    ? "随站点自带（site/office-js/），各电脑无需访问外网"
    : "从微软 CDN 加载（https://appsforoffice.microsoft.com），各电脑须能访问该地址；不能访问外网时，构建发布包前设置 ZSLEDGER_SELF_HOST_OFFICE_JS=1";
  const officeJsEn = site.selfHostedOfficeJs
    ? "served with the site (site/office-js/): PCs need no Internet access"
    : "loaded from Microsoft's CDN (https://appsforoffice.microsoft.com), which every PC must reach; for a closed network, build the release with ZSLEDGER_SELF_HOST_OFFICE_JS=1";
  const iisWhereZh = alias
    ? `在该站点下“添加虚拟目录”：别名 \`${alias.split("/").pop()}\`${alias.includes("/") ? `（位于 /${alias.split("/").slice(0, -1).join("/")}/ 下）` : ""}，物理路径指向该文件夹`
    : "把站点的物理路径直接指向该文件夹";
  const iisWhereEn = alias
    ? `add a virtual directory \`${alias.split("/").pop()}\` (at ${pathname}) whose physical path is that folder`
    : "point the site's physical path at that folder";
  const wpsZh = wps
    ? `
## 7. WPS 加载项

发布包中的 \`${wps.dir}/\`（及 \`${wps.dir}.zip\`）是 WPS 表格的加载项，包含：${wps.files.map((f) => `\`${f}\``).join("、")}。
若其中附有安装说明，以其为准；一般做法（WPS 官方工具 wpsjs 的发布方式）：

- 在线：把该文件夹放到 HTTPS 服务器上（例如 ${baseUrl}wps/），在各电脑 WPS 安装目录的 \`cfgs/oem.ini\` 中设置
  \`[Support] JsApiPlugin=true\` 和 \`[Server] JSPluginsServer=<jsplugins.xml 的地址>\`，jsplugins.xml 中列出
  \`<jspluginonline name="…" type="et" url="…/wps/"/>\`。
- 离线：把该文件夹复制到用户的 jsaddons 目录（Windows：\`%APPDATA%\\kingsoft\\wps\\jsaddons\\\`），并在同一目录的
  publish.xml 中登记 \`<jsplugin name="…" type="et" url="文件夹名" version="…"/>\`。

政企版 WPS 的部署方式请同时参照金山办公提供的文档。
`
    : "";
  const wpsEn = wps
    ? `
## 7. WPS add-in

\`${wps.dir}/\` (and \`${wps.dir}.zip\`) is the add-in for WPS Spreadsheets (${wps.files.map((f) => `\`${f}\``).join(", ")}). Follow its own
install notes where it has them. In general (as WPS's tool wpsjs publishes): online, host the folder over HTTPS and point
\`cfgs/oem.ini\` (\`[Support] JsApiPlugin=true\`, \`[Server] JSPluginsServer=…/jsplugins.xml\`) at a jsplugins.xml that
lists it; offline, copy the folder into the user's jsaddons folder (\`%APPDATA%\\kingsoft\\wps\\jsaddons\\\` on Windows)
beside a publish.xml entry for it. For enterprise editions of WPS, see the vendor's documents.
`
    : "";

  const zh = `# 招商台账助手 Office 加载项部署说明（${version}）

本说明供区（县）信息中心等 IT 人员使用：先把加载项网站放到 HTTPS 服务器上（第 2 节），再用下列方式之一分发到各单位的 Excel：
Microsoft 365 集中部署（第 3 节）、网络共享目录（第 4 节，Excel 桌面版）、Excel 网页版上传（第 5 节，单人试用）。

- 本发布包的地址：**${baseUrl}**。manifest.xml 中的所有地址都指向它；改地址须重新生成发布包（\`ZSLEDGER_BASE_URL=新地址 npm run release\`）。
- office.js：${officeJsZh}。
- 加载项只有静态文件，没有服务器端程序；台账数据只在用户的 Excel 中读取，不会上传到服务器。

## 1. 文件

| 文件 | 用途 |
|---|---|
| \`site/\` | 网站文件：全部复制到服务器上对应 ${baseUrl} 的目录 |
| \`site/web.config\` | IIS 配置（MIME 类型、缓存、安全头），IIS 直接使用；nginx 不对外提供它 |
| \`manifest.xml\` | 加载项清单，上传到管理中心或放到共享目录（与 \`site/manifest.xml\` 相同） |
| \`nginx/zsledger.conf\` | nginx 配置片段 |
| \`DEPLOY.md\` | 本说明 |

下载后可核对 \`SHA256SUMS.txt\`：Windows \`certutil -hashfile 文件名 SHA256\`，Linux \`sha256sum -c SHA256SUMS.txt\`。

## 2. 在 HTTPS 服务器上托管

要求：

- **HTTPS**，证书须被各电脑信任（公共 CA 签发，或内网 CA 且其根证书已下发到各电脑）。证书不受信任时任务窗格是空白的。
- **MIME 类型**：\`.html\` text/html，\`.js\` application/javascript，\`.json\` application/json，\`.xml\` application/xml，
  \`.png\` image/png，\`.woff\`/\`.woff2\` font/woff、font/woff2；文本类型带 \`charset=utf-8\`。
- **缓存**：文件名中带 8 位内容哈希的脚本（如 \`${hashed}\`）内容永不改变，缓存一年
  （\`Cache-Control: public, max-age=${YEAR_SECONDS}, immutable\`）；其余文件——\`taskpane.html\`、\`manifest.xml\`、
  \`functions.json\`、\`functions.zh-cn.json\`、不带哈希的脚本（${entryScripts.map((f) => `\`${f}\``).join("、")}）——
  设为 \`Cache-Control: no-cache\`（每次向服务器确认）。这样更新后各电脑立即用上新版本，又不重复下载未变的文件。
- **安全头**：\`Content-Security-Policy\` 与 taskpane.html 中 \`<meta>\` 的策略完全相同：

  \`\`\`
  ${csp}
  \`\`\`

  另加 \`X-Content-Type-Options: nosniff\`。**不要**设置 \`X-Frame-Options\` 或 \`frame-ancestors\`：Excel 网页版把任务窗格放在 iframe 中。
- **跨域**：Excel 网页版从微软的域名读取 \`functions.json\` 和 \`functions.zh-cn.json\`（审阅公式的说明，不含任何数据），
  这两个文件须带 \`Access-Control-Allow-Origin: *\`，否则网页版中审阅公式不可用。

下面的 nginx 和 IIS 配置已按以上要求写好，可直接使用。

### 2.1 nginx

1. 把 \`site/\` 中的全部文件复制到 \`${webRoot}${pathname}\`。
2. 把 \`nginx/zsledger.conf\` 的内容加入 \`server_name ${host}\` 的 HTTPS \`server { … }\` 块（网站文件放在别处时只改其中的 \`root\`）。
3. \`nginx -t\` 检查无误后 \`nginx -s reload\`。

### 2.2 IIS（Windows Server 2012 R2 及以上）

1. 服务器管理器 → 添加角色和功能：确认已安装“Web 服务器 (IIS) → 常见 HTTP 功能 → 静态内容”。
2. 站点“绑定”中添加 https 绑定（主机名 ${host}），选择证书。
3. 把 \`site/\` 中的全部文件（含 \`web.config\`）复制到一个文件夹，如 \`C:\\inetpub\\zsledger\`，${iisWhereZh}。
4. \`web.config\` 已包含 MIME 类型、缓存、安全头和跨域设置，不需要 URL 重写模块，无需修改。若出现 500.19 错误，
   检查服务器级配置是否锁定了 \`staticContent\` 或 \`httpProtocol\` 节（IIS 管理器 → 功能委派，设为“读/写”）。

### 2.3 检查

\`\`\`
curl -sI ${baseUrl}taskpane.html     → 200，text/html，Cache-Control: no-cache，Content-Security-Policy
curl -sI ${baseUrl}functions.json    → 200，application/json，Access-Control-Allow-Origin: *
curl -sI ${baseUrl}${hashed}    → 200，Cache-Control: public, max-age=${YEAR_SECONDS}, immutable
curl -sI ${baseUrl}manifest.xml      → 200，application/xml
\`\`\`

再在一台单位电脑的浏览器中打开 ${baseUrl}taskpane.html：页面能打开、没有证书警告即可（离开 Excel 时页面不能正常使用，属正常）。

## 3. Microsoft 365 集中部署（单位用 Microsoft 365 账号登录 Office 时推荐）

1. 以全局管理员（或有“集成应用”权限的管理员）登录 Microsoft 365 管理中心。
2. 设置 → 集成应用 → 上传自定义应用，应用类型选“Office 加载项”，选择上传清单文件，选中本包的 \`manifest.xml\`。
3. 指定用户或组（如各街道、园区的招商专员），完成部署。
4. 通常数小时内（最长约 24 小时）用户的 Excel（桌面版和网页版）“开始”选项卡上出现“招商台账助手”。

更新：网站文件直接替换即可，用户下次打开即为新版本；只有 \`manifest.xml\` 本身变化（版本号或地址）时才需在管理中心更新清单。

## 4. 网络共享目录（Excel 桌面版，没有 Microsoft 365 时）

适用于批量许可版 Office 2016/2019/2021/2024 等（各版本的功能范围见 README 的“构建与部署”一节）。

1. 在文件服务器上新建共享文件夹，如 \`${share}\`，只放 \`manifest.xml\`；域用户只读，管理员可写。
2. 在每台电脑的 Excel 中：文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录，“目录 URL”填 \`${share}\`，
   点“添加目录”，勾选“显示在菜单中”，确定后重启 Excel。
3. 插入 → 我的加载项（或 开始 → 加载项 → 更多加载项）→ 共享文件夹 → 招商台账助手 → 添加。

批量设置：以下注册表内容与第 2 步等效（Office 2016 及以后都是 16.0；\`Flags\`=1 即“显示在菜单中”），可存为 .reg
文件或用组策略首选项下发到每个用户（把共享路径改成实际的）：

\`\`\`
${catalogReg(share, catalogGuid).trim()}
\`\`\`

## 5. Excel 网页版上传（单人试用）

在 Excel 网页版中打开任一工作簿 → “开始”选项卡的“加载项”→ 更多加载项 / 我的加载项 → 上传我的加载项 → 选择 \`manifest.xml\` → 上传。
只对当前用户有效，适合试用和验收；正式使用请用第 3 或第 4 节。

## 6. 常见问题

- **任务窗格空白**：证书不受信任、电脑访问不到 ${baseUrl}，或访问不到 office.js（见开头）。在该电脑的浏览器中打开 ${baseUrl}taskpane.html 检查。
- **更新后仍是旧版本、或审阅公式显示 #NAME?**：关闭 Excel，删除 \`%LOCALAPPDATA%\\Microsoft\\Office\\16.0\\Wef\\\` 中的内容（Office 加载项缓存），再打开 Excel。
- **网页版中审阅公式不可用**：检查 functions.json 是否带 \`Access-Control-Allow-Origin\`（第 2.3 节）。
- **只有任务窗格、没有功能区按钮和审阅公式**：Excel 2016/2019 批量许可版等不支持共享运行时，属 Office 版本限制，检查功能不受影响。
${wpsZh}`;

  const en = `
---

# zsledger Office add-in: deployment notes (${version})

For the district's IT staff: host the add-in's site over HTTPS (section 2), then give it to the units' Excel in one of three
ways: Microsoft 365 centralized deployment (3), a network-share catalog for Excel desktop (4), or an upload in Excel on the
web for one person (5).

- This release is built for **${baseUrl}**; every URL in manifest.xml points there. Another address needs a new release
  (\`ZSLEDGER_BASE_URL=… npm run release\`).
- office.js is ${officeJsEn}.
- Static files only, no server code; ledgers are read inside each user's Excel and never sent to the server.

## 1. Files

\`site/\` the site, to copy to the folder served at ${baseUrl}; \`site/web.config\` IIS settings (nginx does not serve it);
\`manifest.xml\` the add-in's manifest for the admin center or the share (same as \`site/manifest.xml\`); \`nginx/zsledger.conf\`
the nginx snippet; \`DEPLOY.md\` these notes. Check downloads against \`SHA256SUMS.txt\` (\`certutil -hashfile FILE SHA256\`,
\`sha256sum -c SHA256SUMS.txt\`).

## 2. Hosting over HTTPS

- HTTPS with a certificate every PC trusts (a public CA, or an intranet CA whose root the PCs have); otherwise the pane stays blank.
- MIME types: .html text/html, .js application/javascript, .json application/json, .xml application/xml, .png image/png,
  .woff/.woff2 font/woff and font/woff2; text types with charset=utf-8.
- Caching: scripts named with an 8-digit content hash (\`${hashed}\`) never change and are cached for a year
  (\`public, max-age=${YEAR_SECONDS}, immutable\`); everything else (taskpane.html, manifest.xml, functions*.json, the entry
  scripts ${entryScripts.map((f) => `\`${f}\``).join(", ")}) is \`no-cache\` (revalidated on every load), so an update reaches every PC at once.
- Headers: \`Content-Security-Policy\` exactly as taskpane.html's \`<meta>\` (quoted above) and \`X-Content-Type-Options: nosniff\`.
  No \`X-Frame-Options\` and no \`frame-ancestors\`: Excel on the web shows the pane in an iframe.
- Cross-origin: Excel on the web reads functions.json and functions.zh-cn.json from its own domain; they need
  \`Access-Control-Allow-Origin: *\` (they hold the functions' descriptions, no data).

**nginx**: copy \`site/\` to \`${webRoot}${pathname}\`, put \`nginx/zsledger.conf\` into the HTTPS \`server { … }\` of
\`${host}\` (change its \`root\` if the files are elsewhere), \`nginx -t && nginx -s reload\`.
**IIS** (Windows Server 2012 R2 or later): install the Static Content role service; add an https binding for ${host}; copy
\`site/\` (web.config included) to a folder such as \`C:\\inetpub\\zsledger\` and ${iisWhereEn}. The web.config needs no
URL Rewrite module; a 500.19 error means the server locks the \`staticContent\` or \`httpProtocol\` section (Feature Delegation).
**Check** with the four \`curl -sI\` lines of section 2.3 above, and open ${baseUrl}taskpane.html in a browser on a unit's PC.

## 3. Microsoft 365 centralized deployment

Microsoft 365 admin center → Settings → Integrated apps → Upload custom apps → Office Add-in → upload \`manifest.xml\` →
assign users or groups → deploy. The add-in appears on the Home tab of their Excel (desktop and web) within hours (up to
24). Replace site files to update; re-upload the manifest only when manifest.xml itself changed.

## 4. Network-share catalog (Excel desktop without Microsoft 365)

Share a folder such as \`${share}\` holding only \`manifest.xml\` (read-only for users). In Excel: File → Options → Trust
Center → Trust Center Settings → Trusted Add-in Catalogs: add the share's path, tick "Show in Menu", restart Excel; then
Insert → My Add-ins → SHARED FOLDER → 招商台账助手 → Add. The registry entries above (section 4 of the Chinese part) do the
same for many users (through a .reg file or Group Policy Preferences).

## 5. Upload in Excel on the web

Open a workbook in Excel on the web → Home → Add-ins → More Add-ins / My Add-ins → Upload My Add-in → \`manifest.xml\`. For
the current user only: for trials and acceptance, not for the district.

## 6. Troubleshooting

Blank pane: certificate, reachability of ${baseUrl}, or office.js. Old version or #NAME? after an update: close Excel and
empty \`%LOCALAPPDATA%\\Microsoft\\Office\\16.0\\Wef\\\`. Functions missing on the web: the CORS header of functions.json.
Only the pane, no ribbon button or functions: an Office build without the shared runtime (volume-licensed 2016/2019).
${wpsEn}`;
  return zh + en;
}

/** Site files that may be cached for a year (webpack's hashed chunks), relative to the site's root. */
function hashedFiles(files) {
  return files.filter((f) => HASHED_FILE.test(path.posix.basename(f))).sort();
}

module.exports = { HASHED_FILE, NGINX_HASHED, CROSS_ORIGIN_FILES, MIME, pageCsp, baseParts, nginxConf, webConfig, deployNotes, catalogReg, hashedFiles };
