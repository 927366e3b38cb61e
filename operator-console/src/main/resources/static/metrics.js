// The metrics page's trend chart (uPlot), drawn from the series the server put in data-series.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('trend');
  if (!el || !window.uPlot) { return; }
  var s = JSON.parse(el.getAttribute('data-series'));
  new uPlot({
    width: Math.min(el.clientWidth || 600, 900), height: 260,
    series: [{}, { label: 'MTTR (h)', stroke: '#0969da', scale: 'h' }, { label: 'RTO achieved (%)', stroke: '#1a7f37', scale: '%' }],
    axes: [{}, { scale: 'h', label: 'hours' }, { scale: '%', side: 1, label: '%' }],
    scales: { x: { time: true }, '%': { range: [0, 100] } }
  }, [s.months, s.mttrHours, s.rtoPercent], el);
});
