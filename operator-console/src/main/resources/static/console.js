// The console's only script of its own: the CSRF token on every htmx request, an action's Idempotency-Key kept until
// it is answered, times in the reader's zone, the reader's zone for typed instants, and no live re-read under
// someone's typing. (A file, not inline: the pages' Content-Security-Policy allows no inline script.)
(function () {
  var csrf = document.querySelector('meta[name="csrf"]');
  // an action sent again after its answer was lost (no answer, or the console could not tell whether the service
  // acted: DR-Outcome unknown) carries the same Idempotency-Key, so the service acts once; an answer ends the key
  function newKey() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes); // unlike crypto.randomUUID, also on a console served over plain http
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  document.addEventListener('htmx:configRequest', function (e) {
    if (csrf) { e.detail.headers['X-CSRF-TOKEN'] = csrf.content; }
    if (e.detail.verb !== 'get') {
      var action = e.detail.elt;
      action.dataset.idempotencyKey = action.dataset.idempotencyKey || newKey();
      e.detail.headers['Idempotency-Key'] = action.dataset.idempotencyKey;
    }
  });
  document.addEventListener('htmx:afterOnLoad', function (e) {
    if (e.detail.xhr.getResponseHeader('DR-Outcome') !== 'unknown') { delete e.detail.elt.dataset.idempotencyKey; }
  });
  var format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  function local(root) {
    root.querySelectorAll('time[datetime]').forEach(function (t) {
      var at = new Date(t.getAttribute('datetime'));
      if (!isNaN(at)) { t.textContent = format.format(at); t.title = t.getAttribute('datetime'); }
    });
    root.querySelectorAll('input.reader-zone').forEach(function (i) { i.value = zone; });
  }
  // a live region is not re-read while someone types in it (the swap would throw the text away); their own action,
  // or the next event after they left the field, brings it up to date
  document.addEventListener('htmx:beforeRequest', function (e) {
    var region = e.detail.elt, typing = document.activeElement;
    if (region.id === 'live' && typing && region.contains(typing) && typing.matches('input, textarea, select')
        && e.detail.requestConfig.verb === 'get') {
      e.preventDefault();
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    local(document);
    if (window.htmx) { htmx.onLoad(local); }
  });
})();
