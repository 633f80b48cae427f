// Sandbox PREP page: refresh the cut time from avance.json, as the real sites poll their JSON.
(function () {
  function refresh() {
    fetch('avance.json', { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (a) {
        var el = document.getElementById('corte');
        if (el && a.ultimoCorte) {
          el.textContent = 'Fecha y hora de corte: ' + a.ultimoCorte.fecha + ' ' + a.ultimoCorte.hora + ' (UTC-6)';
        }
      })
      .catch(function () {});
  }
  setInterval(refresh, 30000);
})();
