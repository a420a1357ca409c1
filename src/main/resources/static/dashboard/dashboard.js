// HR dashboard: reads /api/dashboard/<section> for the filter and draws figures, charts (ECharts,
// served by the application) and tables. Every text goes through textContent: nothing from the
// data is ever interpreted as HTML.
(function () {
  'use strict';

  // Which table each section charts: label column, value columns, chart type.
  var CHARTS = {
    initiatives: { table: 'status', values: [1], type: 'bar' },
    relays: { table: 'status', values: [1], type: 'bar' },
    takeovers: { table: 'active', label: 1, values: [4], type: 'bar', critical: 5 },
    hotline: { table: 'callsPerWeek', values: [1, 2, 3], type: 'line' },
    mobility: { table: 'perService', values: [1, 2], type: 'bar' },
    retex: { table: 'actions', values: [1], type: 'bar' },
    workload: { table: 'groups', values: [1, 2], type: 'bar' }
  };
  var charts = [];
  var generation = 0;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function query() {
    var params = new URLSearchParams();
    ['from', 'to', 'service'].forEach(function (id) {
      var value = document.getElementById(id).value;
      if (value) { params.set(id, value); }
    });
    return params.toString();
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (!response.ok) { throw new Error(body.message || ('HTTP ' + response.status)); }
          return body;
        });
      });
  }

  function humanise(name) {
    return name.replace(/([A-Z])/g, ' $1').replace(/Percent$/, ' %').toLowerCase();
  }

  function renderFigures(section) {
    var box = el('div', { 'class': 'figures' });
    Object.keys(section.figures).forEach(function (name) {
      var value = section.figures[name];
      var figure = el('div', { 'class': 'figure', 'data-figure': section.id + '.' + name });
      figure.appendChild(el('span', { 'class': 'value' }, value === null ? '–' : value));
      figure.appendChild(el('span', { 'class': 'name' }, humanise(name)));
      box.appendChild(figure);
    });
    return box;
  }

  function renderTable(section, name, table) {
    var wrapper = el('div', { 'class': 'table', 'data-table': section.id + '.' + name });
    var t = el('table');
    t.appendChild(el('caption', {}, table.title));
    var head = el('tr');
    table.columns.forEach(function (c) { head.appendChild(el('th', { scope: 'col' }, c)); });
    t.appendChild(el('thead')).appendChild(head);
    var body = el('tbody');
    var spec = CHARTS[section.id];
    table.rows.forEach(function (row) {
      var tr = el('tr');
      var last = row[row.length - 1];
      if (spec && spec.critical !== undefined && name === spec.table && row[spec.critical] === true) {
        tr.className = 'critical';
      } else if (last === true && name === 'orientationBacklog') {
        tr.className = 'highlight';
      }
      row.forEach(function (cell) {
        tr.appendChild(el('td', typeof cell === 'number' ? { 'class': 'number' } : {},
          cell === null ? '' : (cell === true ? 'yes' : cell === false ? 'no' : cell)));
      });
      body.appendChild(tr);
    });
    if (table.rows.length === 0) {
      var empty = el('tr');
      empty.appendChild(el('td', { colspan: String(table.columns.length) }, 'Nothing in this period.'));
      body.appendChild(empty);
    }
    t.appendChild(body);
    wrapper.appendChild(t);
    var csv = el('a', { 'class': 'csv', href: '/api/dashboard/' + encodeURIComponent(section.id) + '/'
        + encodeURIComponent(name) + '.csv?' + query(), download: '' }, 'Download CSV');
    wrapper.appendChild(csv);
    return wrapper;
  }

  function renderChart(section, container) {
    var spec = CHARTS[section.id];
    var table = spec && section.tables[spec.table];
    if (!table || typeof echarts === 'undefined') { return; }
    var labelIndex = spec.label || 0;
    var chart = echarts.init(container, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 30, bottom: 60 },
      xAxis: { type: 'category', data: table.rows.map(function (r) { return String(r[labelIndex]); }),
        axisLabel: { rotate: table.rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: spec.values.map(function (i) {
        return {
          name: table.columns[i], type: spec.type,
          data: table.rows.map(function (r) {
            var value = r[i] === null ? 0 : r[i];
            return spec.critical !== undefined && r[spec.critical] === true
              ? { value: value, itemStyle: { color: '#c0392b' } } : value;
          })
        };
      })
    });
    container.setAttribute('data-points', String(table.rows.length));
    charts.push(chart);
  }

  function renderSection(section) {
    var node = el('section', { id: 'section-' + section.id, 'data-section': section.id });
    node.appendChild(el('h2', {}, section.title));
    section.notes.forEach(function (n) { node.appendChild(el('p', { 'class': 'notes' }, n)); });
    node.appendChild(renderFigures(section));
    var chart = el('div', { 'class': 'chart', 'data-chart': section.id });
    node.appendChild(chart);
    var tables = el('div', { 'class': 'tables' });
    Object.keys(section.tables).forEach(function (name) {
      tables.appendChild(renderTable(section, name, section.tables[name]));
    });
    node.appendChild(tables);
    return { node: node, chart: chart };
  }

  function load(sectionIds) {
    var error = document.getElementById('error');
    error.hidden = true;
    var main = document.getElementById('sections');
    charts.forEach(function (c) { c.dispose(); });
    charts = [];
    var q = query();
    document.body.removeAttribute('data-loaded');
    return Promise.all(sectionIds.map(function (id) {
      return getJson('/api/dashboard/' + encodeURIComponent(id) + '?' + q);
    })).then(function (sections) {
      main.replaceChildren();
      sections.forEach(function (section) {
        var rendered = renderSection(section);
        main.appendChild(rendered.node);
        renderChart(section, rendered.chart);
      });
      generation += 1;
      document.body.setAttribute('data-loaded', String(generation));
    }).catch(function (e) {
      error.textContent = e.message;
      error.hidden = false;
      document.body.setAttribute('data-loaded', 'error');
    });
  }

  getJson('/api/dashboard').then(function (index) {
    var select = document.getElementById('service');
    index.services.forEach(function (s) { select.appendChild(el('option', { value: s.id }, s.name)); });
    document.getElementById('from').value = index.defaultFrom;
    document.getElementById('to').value = index.defaultTo;
    document.getElementById('filter').addEventListener('submit', function (event) {
      event.preventDefault();
      load(index.sections);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    return load(index.sections);
  }).catch(function (e) {
    var error = document.getElementById('error');
    error.textContent = e.message;
    error.hidden = false;
  });
})();
