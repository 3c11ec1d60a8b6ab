// The outcome dashboard's charts (Chart.js, served by the application). The figures come from the page's
// JSON block, the same numbers as its table; without script the table alone says everything.
(function () {
  'use strict';
  var block = document.getElementById('data-grafik');
  if (!block || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(block.textContent);
  var rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  Chart.defaults.maintainAspectRatio = false;
  // the figures at once: no bars growing from zero (a reader, or a screenshot, would see wrong values meanwhile)
  Chart.defaults.animation = false;

  new Chart(document.getElementById('grafik-omzet'), {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [
        { label: 'Saat daftar', data: data.baselineRevenue, backgroundColor: '#9db7d5' },
        { label: 'Pada putaran', data: data.medianRevenue, backgroundColor: '#0b5cad' }
      ]
    },
    options: {
      plugins: { tooltip: { callbacks: { label: function (item) { return item.dataset.label + ': ' + rupiah.format(item.raw); } } } },
      scales: { y: { beginAtZero: true, ticks: { callback: function (value) { return rupiah.format(value); } } } }
    }
  });

  new Chart(document.getElementById('grafik-aktif'), {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [{ label: 'Usaha aktif (%)', data: data.activePercent, backgroundColor: '#1b6e3a' }]
    },
    options: {
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, max: 100, ticks: { callback: function (value) { return value + ' %'; } } } }
    }
  });
})();
