// The console's only script of its own: the CSRF token on every htmx request, times in the reader's zone, the
// reader's zone for typed instants, and no live re-read under someone's typing. (A file, not inline: the pages' Content-Security-Policy allows no inline script.)
(function () {
  var csrf = document.querySelector('meta[name="csrf"]');
  document.addEventListener('htmx:configRequest', function (e) {
    if (csrf) { e.detail.headers['X-CSRF-TOKEN'] = csrf.content; }
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
