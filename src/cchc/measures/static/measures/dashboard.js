/* Charts of the public dashboard (/chi-so/bang-dieu-khien/). The numbers come from the JSON block
   the page embeds — the same numbers as the tables under each chart, which remain the accessible
   and no-JavaScript view. ECharts is served by the platform (vendor/echarts.min.js). */
(function () {
  "use strict";
  var source = document.getElementById("du-lieu-bieu-do");
  if (!source || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var names = data.names;
  var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var charts = [];

  function pct(v) { return v === null || v === undefined ? "—" : v.toLocaleString("vi-VN") + "%"; }

  function draw(el, option) {
    if (!el) { return; }
    var chart = window.echarts.init(el, null, { renderer: "canvas", locale: "EN" });
    option.animation = !still;
    option.textStyle = { fontFamily: "system-ui, 'Segoe UI', Roboto, sans-serif" };
    chart.setOption(option);
    el.setAttribute("data-drawn", "1");
    charts.push(chart);
  }

  // Horizontal bars: one row per organisation, tall enough to read every name.
  function bars(el, labels, series, percent) {
    if (!el || !labels.length) { return; }
    el.style.height = Math.max(220, 28 * labels.length * Math.max(1, series.length * 0.7) + 80) + "px";
    draw(el, {
      tooltip: { trigger: "axis", valueFormatter: percent ? pct : undefined },
      legend: series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 8, right: 56, top: series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", max: percent ? 100 : undefined },
      yAxis: { type: "category", data: labels, inverse: true, axisLabel: { width: 220, overflow: "truncate" } },
      series: series.map(function (s) {
        return { name: s.name, type: "bar", data: s.data, itemStyle: { color: s.color },
                 label: { show: true, position: "right", formatter: function (p) {
                   return p.value === null || p.value === undefined ? "" : (percent ? pct(p.value) : p.value);
                 } } };
      })
    });
  }

  bars(document.querySelector("[data-chart=index]"), data.index.labels,
       [{ name: names.total, data: data.index.total, color: "#b71c1c" }], false);
  bars(document.querySelector("[data-chart=rates]"), data.rates.labels,
       [{ name: names.on_time, data: data.rates.on_time, color: "#2e7d32" },
        { name: names.satisfied, data: data.rates.satisfied, color: "#0b4f9c" }], true);

  var trend = document.querySelector("[data-chart=months]");
  if (trend && data.months.labels.length) {
    draw(trend, {
      tooltip: { trigger: "axis", valueFormatter: pct },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.months.labels },
      yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      series: [
        { name: names.on_time, type: "line", data: data.months.on_time, color: "#2e7d32", connectNulls: false },
        { name: names.satisfied, type: "line", data: data.months.satisfied, color: "#0b4f9c" },
        { name: names.online, type: "line", data: data.months.online, color: "#f57c00" }
      ]
    });
  }

  data.par.forEach(function (p, i) {
    bars(document.querySelector("[data-chart=par-" + i + "]"), p.labels,
         [{ name: names.par, data: p.scores, color: "#6a1b9a" }], false);
  });
  bars(document.querySelector("[data-chart=sipas]"), data.sipas.labels,
       [{ name: names.sipas, data: data.sipas.index, color: "#00838f" }], true);

  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
}());
