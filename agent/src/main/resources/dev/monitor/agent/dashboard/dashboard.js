// The monitor agent's dashboard: fetches the port's own JSON every few seconds and draws it.
// No framework, no build step, nothing from outside the port. Every value from the service
// (routes, statements, check details) is written with textContent, never as markup.
(function () {
  'use strict';

  var REFRESH_MS = 5000;
  var COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];
  var LIMIT = '#991b1b';

  var token = sessionStorage.getItem('monitor.token') || '';
  if (location.hash.indexOf('#token=') === 0) {
    // a token in the fragment never reaches a server or its logs; keep it for this tab only
    token = decodeURIComponent(location.hash.slice('#token='.length));
    sessionStorage.setItem('monitor.token', token);
    history.replaceState(null, '', location.pathname);
  }

  var charts = {};
  var last = null;
  var sort = { key: 'requests', descending: true };
  var refreshes = 0;
  var timer = null;
  var inFlight = false;

  function NeedsToken() {}

  function get(path) {
    var headers = token ? { Authorization: 'Bearer ' + token } : {};
    return fetch(path, { headers: headers, cache: 'no-store' }).then(function (response) {
      if (response.status === 401) {
        throw new NeedsToken();
      }
      // a health answer is JSON whatever its status (503 when DOWN)
      return response.json();
    });
  }

  function $(id) {
    return document.getElementById(id);
  }

  function number(value, digits) {
    if (value === null || value === undefined || isNaN(value)) {
      return '–';
    }
    return Number(value).toFixed(digits === undefined ? 2 : digits);
  }

  function percent(ratio) {
    return ratio === null || ratio === undefined ? '–' : number(ratio * 100, 2) + ' %';
  }

  function cell(row, text, field, isText) {
    var td = document.createElement('td');
    td.textContent = text;
    if (field) {
      td.setAttribute('data-field', field);
    }
    if (isText) {
      td.className = 'text';
    }
    row.appendChild(td);
    return td;
  }

  function fill(tbodyId, rows, columns) {
    var body = $(tbodyId);
    body.textContent = '';
    rows.forEach(function (data) {
      var tr = document.createElement('tr');
      columns(tr, data);
      body.appendChild(tr);
    });
    if (rows.length === 0) {
      var tr = document.createElement('tr');
      var td = cell(tr, 'nothing yet', null, true);
      td.colSpan = body.parentNode.querySelectorAll('th').length || 1;
      body.appendChild(tr);
    }
  }

  // ---- history: rates from totals, times from the ring's end -------------------------------

  function times(h) {
    var out = [];
    var end = h.endMillis / 1000;
    for (var i = 0; i < h.points; i++) {
      out.push(end - (h.points - 1 - i) * h.stepSeconds);
    }
    return out;
  }

  function values(h, name, scale) {
    var v = h.series[name];
    if (!v) {
      return null;
    }
    return v.map(function (x) { return x === null ? null : x * (scale || 1); });
  }

  function rate(h, name) {
    var v = h.series[name];
    if (!v) {
      return null;
    }
    return v.map(function (x, i) {
      if (i === 0 || x === null || v[i - 1] === null || x < v[i - 1]) {
        return null;
      }
      return (x - v[i - 1]) / h.stepSeconds;
    });
  }

  function ratioOf(a, b, scale) {
    if (!a || !b) {
      return null;
    }
    return a.map(function (x, i) {
      return x === null || b[i] === null || b[i] === 0 ? null : (x / b[i]) * (scale || 1);
    });
  }

  /** The keys of a family's series ({@code db.pool.used:orders-pool} gives orders-pool). */
  function members(h, family) {
    return Object.keys(h.series).filter(function (name) {
      return name.indexOf(family + ':') === 0;
    }).map(function (name) { return name.slice(family.length + 1); });
  }

  function constant(h, value) {
    var out = [];
    for (var i = 0; i < h.points; i++) {
      out.push(value);
    }
    return out;
  }

  // ---- charts -------------------------------------------------------------------------------

  function chart(sectionId, id, title, unit, series) {
    var present = series.filter(function (s) { return s.data !== null; });
    var box = charts[id];
    if (!box) {
      var div = document.createElement('div');
      div.className = 'chart';
      div.id = 'chart-' + id;
      var heading = document.createElement('div');
      heading.className = 'title';
      heading.textContent = title + (unit ? ' (' + unit + ')' : '');
      div.appendChild(heading);
      var holder = document.createElement('div');
      div.appendChild(holder);
      $(sectionId).appendChild(div);
      box = charts[id] = { holder: holder, plot: null, labels: '' };
    }
    var labels = present.map(function (s) { return s.label; }).join('|');
    if (present.length === 0 || last.history.points === 0) {
      if (box.plot) {
        box.plot.destroy();
        box.plot = null;
      }
      box.holder.textContent = '';
      var empty = document.createElement('div');
      empty.className = 'empty';
      empty.textContent = 'no data yet';
      box.holder.appendChild(empty);
      box.labels = '';
      return;
    }
    var data = [times(last.history)].concat(present.map(function (s) { return s.data; }));
    if (box.plot && box.labels === labels) {
      box.plot.setData(data);
      return;
    }
    if (box.plot) {
      box.plot.destroy();
    }
    box.holder.textContent = '';
    box.labels = labels;
    box.plot = new uPlot({
      width: 420,
      height: 180,
      legend: { live: true },
      scales: { y: { range: function (u, min, max) { return [Math.min(0, min), max > 0 ? max * 1.1 : 1]; } } },
      series: [{}].concat(present.map(function (s, i) {
        return {
          label: s.label,
          stroke: s.limit ? LIMIT : COLORS[i % COLORS.length],
          dash: s.limit ? [6, 4] : undefined,
          width: s.limit ? 1 : 1.5,
          spanGaps: false,
          value: function (u, v) { return v === null ? '–' : number(v, 3); }
        };
      })),
      axes: [{}, { size: 60 }]
    }, data, box.holder);
  }

  function threshold(rule, fallback) {
    var rules = (last.alerts && last.alerts.alerts) || [];
    for (var i = 0; i < rules.length; i++) {
      if (rules[i].name === rule) {
        return rules[i].threshold;
      }
    }
    return fallback;
  }

  function drawCharts() {
    var h = last.history;
    var requests = rate(h, 'http.server.requests');
    var errors = rate(h, 'http.server.errors');
    var errorLimit = threshold('error-rate', 0.05);
    var latencyLimit = threshold('latency-p95', 0.5);
    chart('charts-http', 'requests', 'Requests per second', 'req/s', [
      { label: 'requests', data: requests },
      { label: '429 rate limited', data: rate(h, 'http.server.rate_limited') }
    ]);
    chart('charts-http', 'errors', 'Error rate', '%', [
      { label: 'errors', data: ratioOf(errors, requests, 100) },
      { label: 'alert at ' + number(errorLimit * 100, 1) + ' %', data: requests ? constant(h, errorLimit * 100) : null, limit: true }
    ]);
    chart('charts-http', 'latency', 'Latency, last minute', 'ms', [
      { label: 'p50', data: values(h, 'http.server.p50', 1000) },
      { label: 'p95', data: values(h, 'http.server.p95', 1000) },
      { label: 'p99', data: values(h, 'http.server.p99', 1000) },
      { label: 'alert at ' + number(latencyLimit * 1000, 0) + ' ms', data: h.series['http.server.p95'] ? constant(h, latencyLimit * 1000) : null, limit: true }
    ]);
    chart('charts-db', 'db-latency', 'Query p95, last minute', 'ms', [
      { label: 'p95', data: values(h, 'db.p95', 1000) }
    ]);
    chart('charts-db', 'db-by-operation', 'Query p95 by operation and table, last minute', 'ms',
      members(h, 'db.operation.p95').map(function (key) {
        return { label: key, data: values(h, 'db.operation.p95:' + key, 1000) };
      }));
    members(h, 'db.pool.used').forEach(function (pool) {
      chart('charts-db', 'pool-' + pool, 'Pool ' + pool, 'connections', [
        { label: 'used', data: values(h, 'db.pool.used:' + pool) },
        { label: 'idle', data: values(h, 'db.pool.idle:' + pool) },
        { label: 'pending', data: values(h, 'db.pool.pending:' + pool) },
        { label: 'max', data: values(h, 'db.pool.max:' + pool), limit: true }
      ]);
    });
    chart('charts-db', 'db-rate', 'Queries per second', 'op/s', [
      { label: 'operations', data: rate(h, 'db.operations') }
    ]);
    chart('charts-db', 'db-pool', 'Connections, all pools', '', [
      { label: 'used', data: values(h, 'db.pool.used') },
      { label: 'pending', data: values(h, 'db.pool.pending') }
    ]);
    chart('charts-redis', 'redis-latency', 'Command p95, last minute', 'ms', [
      { label: 'p95', data: values(h, 'redis.p95', 1000) }
    ]);
    chart('charts-redis', 'redis-rate', 'Commands and errors per second', '/s', [
      { label: 'commands', data: rate(h, 'redis.commands') },
      { label: 'errors', data: rate(h, 'redis.errors') }
    ]);
    chart('charts-sockets', 'sockets-active', 'Active connections', '', [
      { label: 'Socket.IO', data: values(h, 'socketio.active') },
      { label: 'WebSocket', data: values(h, 'websocket.active') }
    ]);
    chart('charts-sockets', 'sockets-churn', 'Connects, disconnects, failed handshakes per second', '/s', [
      { label: 'connects', data: rate(h, 'socketio.connections') },
      { label: 'disconnects', data: rate(h, 'socketio.disconnections') },
      { label: 'failed handshakes', data: rate(h, 'socketio.failed_handshakes') }
    ]);
    chart('charts-sockets', 'sockets-messages', 'Messages per second', '/s', [
      { label: 'Socket.IO events', data: rate(h, 'socketio.events') },
      { label: 'WebSocket messages', data: rate(h, 'websocket.messages') }
    ]);
    chart('charts-jvm', 'jvm-heap', 'Heap in use after GC', '% of max', [
      { label: 'after GC', data: values(h, 'jvm.heap.after_gc_ratio', 100) },
      { label: 'alert at ' + number(threshold('memory', 0.85) * 100, 0) + ' %', data: h.series['jvm.heap.after_gc_ratio'] ? constant(h, threshold('memory', 0.85) * 100) : null, limit: true }
    ]);
    chart('charts-jvm', 'jvm-cpu', 'Process CPU', '% of all cores', [
      { label: 'cpu', data: values(h, 'jvm.cpu', 100) }
    ]);
    chart('charts-jvm', 'jvm-gc', 'GC time', 'ms per s', [
      { label: 'collections', data: rate(h, 'jvm.gc.time') }
    ]);
    chart('charts-jvm', 'jvm-threads', 'Threads', '', [
      { label: 'threads', data: values(h, 'jvm.threads') }
    ]);
  }

  // ---- tables -------------------------------------------------------------------------------

  function routeRows() {
    var endpoints = (last.summary.http && last.summary.http.endpoints) || [];
    var rows = endpoints.map(function (e) {
      return {
        route: e.method + ' ' + e.route,
        rate: e.lastMinute ? e.lastMinute.requestsPerSecond : null,
        requests: e.requests,
        errorRate: e.errorRate,
        p95: e.latencyMs ? e.latencyMs.p95 : null,
        p99: e.latencyMs ? e.latencyMs.p99 : null
      };
    });
    rows.sort(function (a, b) {
      var x = a[sort.key], y = b[sort.key];
      var order = typeof x === 'string' ? String(x).localeCompare(String(y)) : (x === null ? -1 : y === null ? 1 : x - y);
      return sort.descending ? -order : order;
    });
    return rows;
  }

  function drawTables() {
    var s = last.summary;
    fill('routes', routeRows(), function (tr, r) {
      tr.setAttribute('data-route', r.route);
      cell(tr, r.route, 'route', true);
      cell(tr, number(r.rate, 3), 'rate');
      cell(tr, String(r.requests), 'requests');
      cell(tr, percent(r.errorRate), 'errorRate');
      cell(tr, number(r.p95, 3), 'p95');
      cell(tr, number(r.p99, 3), 'p99');
    });
    var db = s.database || {};
    fill('db-operations', db.byOperation || [], function (tr, o) {
      cell(tr, o.operation || '–', null, true);
      cell(tr, o.table || '–', null, true);
      cell(tr, String(o.count));
      cell(tr, String(o.errors));
      cell(tr, number(o.latencyMs && o.latencyMs.p95, 3));
    });
    fill('db-pools', db.pools || [], function (tr, p) {
      cell(tr, p.name, null, true);
      cell(tr, String(p.used));
      cell(tr, p.idle === null ? '–' : String(p.idle));
      cell(tr, p.max === null ? '–' : String(p.max));
      cell(tr, String(p.pending));
      cell(tr, String(p.timeouts));
    });
    fill('db-slowest', (db.slowQueries && db.slowQueries.slowestStatements) || [], function (tr, q) {
      cell(tr, q.statement, null, true);
      cell(tr, String(q.count));
      cell(tr, number(q.p95Ms, 3));
      cell(tr, number(q.maxMs, 3));
    });
    var checks = (last.health && last.health.checks) || {};
    fill('health', Object.keys(checks).map(function (name) { return [name, checks[name]]; }), function (tr, c) {
      tr.setAttribute('data-check', c[0]);
      cell(tr, c[0], null, true);
      cell(tr, c[1].status, 'status').className = c[1].status;
      cell(tr, number(c[1].responseTimeMs, 1));
      cell(tr, details(c[1].details), null, true);
    });
    fill('alerts', (last.alerts && last.alerts.alerts) || [], function (tr, a) {
      tr.setAttribute('data-alert', a.name);
      cell(tr, a.name, null, true);
      cell(tr, a.severity || '', null, true);
      cell(tr, a.state, 'state').className = a.state;
      cell(tr, a.value === null || a.value === undefined ? '–' : number(a.value, 4));
      cell(tr, number(a.threshold, 4) + (a.unit ? ' ' + a.unit : ''));
      cell(tr, a.firedAt || a.pendingSince || '', null, true);
    });
  }

  function details(d) {
    if (!d) {
      return '';
    }
    return Object.keys(d).filter(function (k) {
      return d[k] !== null && typeof d[k] !== 'object';
    }).map(function (k) { return k + '=' + d[k]; }).join(', ');
  }

  function drawHeader() {
    var s = last.summary;
    var http = s.http || {};
    var minute = http.lastMinute || {};
    $('service').textContent = s.service || 'monitor';
    $('version').textContent = s.version ? 'version ' + s.version : '';
    document.title = (s.service || 'monitor') + ' · monitor';
    var status = (last.health && last.health.status) || '?';
    $('status').textContent = status;
    $('status').className = 'badge ' + status;
    $('current-rate').textContent = number(minute.requestsPerSecond, 2);
    $('current-error-rate').textContent = percent(minute.errorRate);
    $('error-threshold').textContent = 'alert at ' + percent(threshold('error-rate', 0.05));
    $('current-p95').textContent = http.latencyMs ? number(http.latencyMs.lastMinuteP95, 1) + ' ms' : '–';
    $('latency-threshold').textContent = 'alert at ' + number(threshold('latency-p95', 0.5) * 1000, 0) + ' ms';
    $('current-429').textContent = http.rateLimited === undefined ? '–' : http.rateLimited + ' (' + percent(http.rateLimitedRate) + ')';
    $('current-firing').textContent = last.alerts && last.alerts.firing !== undefined ? String(last.alerts.firing) : '0';
    $('updated').textContent = 'updated ' + new Date().toLocaleTimeString() + ', every ' + REFRESH_MS / 1000 + ' s';
  }

  function refresh() {
    clearTimeout(timer);
    if (inFlight) {
      return;
    }
    inFlight = true;
    Promise.all([get('/metrics/history'), get('/metrics.json'), get('/health/detailed'), get('/health/alerts')])
      .then(function (answers) {
        last = { history: answers[0], summary: answers[1], health: answers[2], alerts: answers[3] };
        $('token-form').hidden = true;
        $('problem').hidden = true;
        drawHeader();
        drawTables();
        drawCharts();
        refreshes++;
        document.body.setAttribute('data-refreshes', String(refreshes));
      })
      .catch(function (e) {
        if (e instanceof NeedsToken) {
          $('token-form').hidden = false;
          return;
        }
        $('problem').hidden = false;
        $('problem').textContent = 'cannot read the monitor port: ' + e;
      })
      .then(function () {
        inFlight = false;
        timer = setTimeout(refresh, REFRESH_MS);
      });
  }

  $('token-form').addEventListener('submit', function (event) {
    event.preventDefault();
    token = $('token').value;
    sessionStorage.setItem('monitor.token', token);
    refresh();
  });

  Array.prototype.forEach.call(document.querySelectorAll('table.sortable th'), function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-key');
      sort = { key: key, descending: sort.key === key ? !sort.descending : th.getAttribute('data-type') === 'number' };
      Array.prototype.forEach.call(document.querySelectorAll('table.sortable th'), function (other) {
        other.className = other === th ? (sort.descending ? 'sorted-desc' : 'sorted-asc') : '';
      });
      if (last) {
        drawTables();
      }
    });
  });

  refresh();
})();
