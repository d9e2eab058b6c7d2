// Dateline live reload: loaded only by pages that `dateline serve` builds (never in a
// published build). Reloads the page when the server says the site was rebuilt.
(() => {
  const script = document.currentScript;
  if (!script || typeof EventSource === 'undefined') return;
  const events = new EventSource(new URL('events', script.src));
  events.addEventListener('reload', () => location.reload());
})();
