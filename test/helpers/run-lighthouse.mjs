// Run Lighthouse on one URL through a Chromium already listening on a DevTools port, and print
// the report and the image elements it gathered as JSON on stdout. Plain JavaScript run by
// `node`, not through tsx: Lighthouse sends its gatherers' functions to the page as source
// text, and tsx's compiled functions call a helper (`__name`) the page does not have.
//
// Usage: node test/helpers/run-lighthouse.mjs URL PORT AUDIT...
import lighthouse from 'lighthouse';

const [url, port, ...audits] = process.argv.slice(2);
const run = await lighthouse(url, {port: Number(port), output: 'json', logLevel: process.env.LH_LOG === '1' ? 'info' : 'error', onlyAudits: audits});
if (!run) throw new Error('Lighthouse gave no result');
const imageElements = run.artifacts.ImageElements.map(({src, srcset, isPicture, displayedWidth, displayedHeight, naturalDimensions}) => ({src, srcset, isPicture, displayedWidth, displayedHeight, naturalDimensions}));
process.stdout.write(JSON.stringify({lhr: run.lhr, imageElements}));
