// Runs first in every document the cross-engine tests open (Firefox: a preload script; WebKit:
// a <script src> the test server puts at the top of <head>, since WebKitWebDriver offers no
// console log, no init script and no BiDi). It records into window.__probe:
//   errors — uncaught errors, unhandled rejections, console.error calls, failed resource loads;
//   csp    — Content-Security-Policy violations;
//   fonts  — every font a 2D canvas was asked to draw with (the charts' text);
//   atReady — each chart canvas's size against its box at the moment <html> gets data-ready,
//             and whether it was near the viewport then (within one screen: data-ready's promise).
(function () {
  if (window.__probe) return;
  var probe = (window.__probe = { errors: [], csp: [], fonts: [], atReady: null });
  new MutationObserver(function (records, observer) {
    var root = document.documentElement;
    if (!root || !root.hasAttribute('data-ready')) return;
    observer.disconnect();
    var dpr = window.devicePixelRatio || 1;
    probe.atReady = Array.prototype.map.call(document.querySelectorAll('.chart canvas'), function (c) {
      var r = c.getBoundingClientRect();
      var near = r.bottom > -window.innerHeight && r.top < 2 * window.innerHeight;
      return { id: c.id, near: near, canvas: c.width + 'x' + c.height, box: Math.round(r.width * dpr) + 'x' + Math.round(r.height * dpr) };
    });
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
  window.addEventListener(
    'error',
    function (e) {
      var t = e.target;
      if (t && t !== window && (t.src || t.href)) probe.errors.push('failed to load ' + (t.src || t.href));
      else probe.errors.push('error: ' + (e.message || String(e.error)));
    },
    true,
  );
  window.addEventListener('unhandledrejection', function (e) {
    var r = e.reason;
    probe.errors.push('unhandled rejection: ' + (r && r.message ? r.message : String(r)));
  });
  document.addEventListener('securitypolicyviolation', function (e) {
    probe.csp.push(e.violatedDirective + ' ' + e.blockedURI);
  });
  var consoleError = console.error;
  console.error = function () {
    probe.errors.push('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return consoleError.apply(console, arguments);
  };
  var proto = window.CanvasRenderingContext2D && window.CanvasRenderingContext2D.prototype;
  var desc = proto && Object.getOwnPropertyDescriptor(proto, 'font');
  if (desc && desc.set) {
    Object.defineProperty(proto, 'font', {
      configurable: true,
      get: desc.get,
      set: function (v) {
        if (probe.fonts.indexOf(v) < 0 && probe.fonts.length < 200) probe.fonts.push(v);
        desc.set.call(this, v);
      },
    });
  }
})();
