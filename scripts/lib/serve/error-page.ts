/** Escape text for HTML element content and quoted attributes. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.codePointAt(0)};`);
}

/**
 * The page `dateline serve` shows in place of the site while the build fails: every
 * message (already formatted as `path:line:column: severity: reason (rule)`), escaped,
 * and the live-reload script, so the page recovers by itself once the file is fixed.
 *
 * @param lines The build report.
 * @param liveReloadUrl URL of the live-reload script.
 */
export function errorPage(lines: readonly string[], liveReloadUrl: string): string {
  const items = lines.map((line) => `<li><code>${escapeHtml(line)}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed · Dateline</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}h1{color:#a3141c}li{margin:.5rem 0}code{white-space:pre-wrap;overflow-wrap:anywhere}</style>
</head>
<body>
<main>
<h1>Build failed</h1>
<p>Fix the problems below and save: this page reloads by itself when the site builds again.</p>
<ul class="dateline-errors">
${items}
</ul>
</main>
<script src="${escapeHtml(liveReloadUrl)}" defer></script>
</body>
</html>
`;
}
