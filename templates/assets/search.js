// The search page: Pagefind's UI over the index built with the site. A file, never inline,
// so a Content-Security-Policy of script-src 'self' works ('wasm-unsafe-eval' for the index).
window.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('search');
  if (!element || typeof PagefindUI !== 'function') return;
  element.replaceChildren();
  // The index's older shards (see the README's Search section), merged into the newest one.
  const mergeIndex = (element.dataset.merge || '').split(' ').filter(Boolean).map((bundlePath) => ({bundlePath, baseUrl: element.dataset.base}));
  const ui = new PagefindUI({element, bundlePath: element.dataset.bundle, baseUrl: element.dataset.base, mergeIndex, showImages: false, resetStyles: false});
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
});
