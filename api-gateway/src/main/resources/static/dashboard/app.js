// The Synergy dashboard: polls the api-gateway once a second (relative URLs only) and redraws.
// Sources: planner /api/space/devices and /api/plans, device-gateway /api/gateway/devices (fault
// state, leave/join), executor /api/executor/stats. No framework: a few DOM helpers and two canvases.
'use strict';

const POLL_MILLIS = 1000;
const REQUEST_TIMEOUT_MILLIS = 4000;
const HISTORY = 120; // polls kept for the charts (two minutes)
const KEY_STORAGE = 'synergy.apiKey';
const COLOURS = ['#2e6fdb', '#12b76a', '#f79009', '#9e77ed', '#d92d20', '#0ba5ec', '#667085'];

const state = {
  history: [],          // [{at, apps: {appId: {rate, p50, p95}}}]
  colours: new Map(),   // appId -> colour, stable across polls
  pending: new Set(),   // device ids with a leave/join in progress
  needKey: false,
  actionShownUntil: 0,  // a leave/join outcome stays on the status line this long
};

// ---- HTTP: one place adds the API key and notices a 401 ----

async function api(path, options = {}) {
  const headers = Object.assign({'Accept': 'application/json'}, options.headers || {});
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) {
    headers['Authorization'] = 'Bearer ' + key;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MILLIS);
  try {
    const response = await fetch(path, Object.assign({}, options, {headers, signal: controller.signal}));
    if (response.status === 401) {
      askForKey();
      throw new Error(path + ': an API key is needed');
    }
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    return {status: response.status, ok: response.ok, body};
  } finally {
    clearTimeout(timer);
  }
}

function askForKey() {
  state.needKey = true;
  document.getElementById('key-form').hidden = false;
}

document.getElementById('key-form').addEventListener('submit', event => {
  event.preventDefault();
  const key = document.getElementById('key').value.trim();
  if (key) {
    sessionStorage.setItem(KEY_STORAGE, key);
    state.needKey = false;
    document.getElementById('key-form').hidden = true;
    poll();
  }
});

// ---- DOM helpers ----

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * Puts nodes into container, keeping every existing child that is unchanged (same
 * markup), so a redraw does not replace a button under the pointer or lose a click.
 */
function reconcile(container, nodes) {
  const kept = nodes.map((node, i) => {
    const old = container.children[i];
    return old && old.outerHTML === node.outerHTML ? old : node;
  });
  if (kept.length === container.children.length && kept.every((node, i) => node === container.children[i])) return;
  container.replaceChildren(...kept);
}

function bytes(n) {
  if (n >= 1024 * 1024) return (n / 1024 / 1024).toFixed(1) + ' MiB';
  if (n >= 1024) return (n / 1024).toFixed(0) + ' KiB';
  return n + ' B';
}

function bar(label, used, capacity, format) {
  const share = capacity > 0 ? used / capacity : 0;
  return el('div', {class: 'bar', 'data-bar': label},
    el('span', null, label),
    el('span', {class: 'track'}, el('span', {class: 'fill' + (share > 1 ? ' over' : ''),
      style: 'display:block;width:' + Math.min(100, share * 100).toFixed(1) + '%'})),
    el('span', {class: 'num'}, format(used, capacity)));
}

function colourOf(appId) {
  if (!state.colours.has(appId)) {
    state.colours.set(appId, COLOURS[state.colours.size % COLOURS.length]);
  }
  return state.colours.get(appId);
}

/** "watch-1.compute" -> "watch-1"; groups of links ("a+b+c.links") name no single device. */
function bottleneckDevice(bottleneck) {
  if (!bottleneck || bottleneck === 'none') return null;
  const dot = bottleneck.lastIndexOf('.');
  const device = dot > 0 ? bottleneck.substring(0, dot) : bottleneck;
  return device.includes('+') ? null : device;
}

// ---- devices ----

function renderDevices(space, gateway, plans) {
  const gatewayById = new Map((gateway || []).map(d => [d.deviceId, d]));
  const bottlenecks = new Set((plans ? plans.plans : []).map(p => bottleneckDevice(p.estimate.bottleneck)).filter(Boolean));
  const tiles = [];
  const seen = new Set();
  for (const device of (space ? space.devices : [])) {
    const id = device.descriptor.deviceId;
    seen.add(id);
    tiles.push(tile(id, device, gatewayById.get(id), bottlenecks.has(id)));
  }
  // configured at the gateway but not in the space: it left or failed, and may join again
  for (const [id, configured] of gatewayById) {
    if (!seen.has(id)) tiles.push(tile(id, null, configured, false));
  }
  reconcile(document.getElementById('devices'), tiles);
}

function tile(id, device, atGateway, bottleneck) {
  const faultState = atGateway && atGateway.state ? atGateway.state : (device ? 'serving' : 'left');
  const slow = faultState === 'slow' && atGateway.slowFactor ? ' ×' + atGateway.slowFactor : '';
  const descriptor = device ? device.descriptor : null;
  const accelerator = descriptor ? descriptor.accelerator : (atGateway ? atGateway.accelerator : '');
  const children = [
    el('h3', null, el('span', {class: 'id'}, id), el('span', {class: 'badge ' + faultState, 'data-state': faultState}, faultState + slow)),
    el('div', {class: 'sub'}, [accelerator, descriptor ? descriptor.gatewayId : null,
      descriptor && descriptor.capabilities.length ? descriptor.capabilities.join(', ') : null,
      device ? 'battery ' + Math.round(device.batteryPercent) + ' %' : null].filter(Boolean).join(' · ')),
  ];
  if (device) {
    children.push(
      bar('weights', device.resident.weightBytes, device.capacity.weightBytes, (u, c) => bytes(u) + ' / ' + bytes(c)),
      bar('bias', device.resident.biasBytes, device.capacity.biasBytes, (u, c) => bytes(u) + ' / ' + bytes(c)),
      bar('layers', device.resident.layers, device.capacity.layers, (u, c) => u + ' / ' + c),
      bar('compute', device.computeUtilisation, 1, u => (u * 100).toFixed(0) + ' %'),
      bar('link', device.linkUtilisation, 1, u => (u * 100).toFixed(0) + ' %'),
      el('div', {class: 'segments'}, device.segments.length
        ? device.segments.map(s => s.appId + ' [' + s.fromLayer + ', ' + s.toLayer + ')').join(' · ')
        : 'no segment'));
  } else {
    children.push(el('div', {class: 'segments'}, 'not in the virtual computing space'));
  }
  const busy = state.pending.has(id);
  // the gateway's state decides what makes sense (leave: serving or slow; join: left or failed)
  const canLeave = faultState === 'serving' || faultState === 'slow';
  const canJoin = !!atGateway && (faultState === 'left' || faultState === 'failed');
  children.push(el('div', {class: 'actions'},
    el('button', {type: 'button', 'data-action': 'leave', disabled: busy || !canLeave, onclick: () => fault(id, 'leave')}, 'leave'),
    el('button', {type: 'button', 'data-action': 'join', disabled: busy || !canJoin, onclick: () => fault(id, 'join')}, 'join')));
  return el('article', {class: 'tile ' + faultState + (bottleneck ? ' bottleneck' : ''), 'data-device-id': id,
    'data-state': faultState}, children);
}

async function fault(deviceId, action) {
  state.pending.add(deviceId);
  setStatus(action + ' ' + deviceId + '…');
  try {
    const answer = await api('/api/gateway/devices/' + encodeURIComponent(deviceId) + '/' + action, {method: 'POST'});
    if (!answer.ok) {
      const detail = answer.body && (answer.body.detail || answer.body.error || answer.body.message);
      setStatus(action + ' ' + deviceId + ': HTTP ' + answer.status + (detail ? ' — ' + detail : ''), true);
    } else {
      setStatus(action + ' ' + deviceId + ': done');
    }
    state.actionShownUntil = Date.now() + 5000;
  } catch (e) {
    setStatus(action + ' ' + deviceId + ': ' + e.message, true);
  } finally {
    state.pending.delete(deviceId);
    poll();
  }
}

// ---- plans ----

function renderPlans(plans) {
  const container = document.getElementById('plans');
  if (!plans) {
    document.getElementById('epoch').textContent = '–';
    document.getElementById('planner').textContent = '–';
    container.replaceChildren(el('p', {class: 'hint'}, 'No plan set yet: it appears once an app is deployed and devices are announced.'));
    return;
  }
  document.getElementById('epoch').textContent = plans.epoch;
  document.getElementById('planner').textContent = plans.planner;
  const items = plans.plans.map(plan => {
    const hot = bottleneckDevice(plan.estimate.bottleneck);
    const end = (device, role) => el('span', {class: 'stage end' + (device === hot ? ' bottleneck' : ''), 'data-device-ids': device,
        title: device === hot ? 'bottleneck: ' + plan.estimate.bottleneck : null}, device, ' (' + role + ')', device === hot ? ' ⚠' : null);
    const stages = [end(plan.ends.source.deviceId, 'source')];
    for (const segment of plan.segments) {
      const devices = segment.replicas.map(r => r.deviceId);
      stages.push(el('span', {class: 'arrow'}, '→'));
      stages.push(el('span', {class: 'stage' + (devices.includes(hot) ? ' bottleneck' : ''), 'data-device-ids': devices.join(' '),
          title: devices.includes(hot) ? 'bottleneck: ' + plan.estimate.bottleneck : null},
        devices.join(' + '), ' ', el('span', {class: 'layers'}, '[' + segment.fromLayer + ', ' + segment.toLayer + ')'),
        devices.includes(hot) ? ' ⚠' : null));
    }
    stages.push(el('span', {class: 'arrow'}, '→'));
    stages.push(end(plan.ends.target.deviceId, 'target'));
    return el('div', {class: 'plan', 'data-app-id': plan.appId},
      el('div', {class: 'title'}, el('strong', null, plan.appId), el('span', {class: 'meta'}, plan.modelName),
        el('span', {class: 'meta'}, plan.estimate.inferencesPerSecond.toFixed(1) + ' inf/s est. · ' +
          plan.estimate.latencyMillis.toFixed(1) + ' ms · bottleneck ' + plan.estimate.bottleneck)),
      el('div', {class: 'pipeline'}, stages),
      el('div', {class: 'explanation'}, plan.estimate.explanation));
  });
  for (const unplaced of plans.unplaced) {
    items.push(el('div', {class: 'plan unplaced', 'data-app-id': unplaced.appId},
      el('strong', null, unplaced.appId), ' unplaced: ', unplaced.reason));
  }
  reconcile(container, items);
}

// ---- serving charts ----

function recordStats(stats) {
  const apps = {};
  for (const app of (stats ? stats.apps : [])) {
    apps[app.appId] = {rate: app.completedPerSecond, p50: app.latencyP50Millis, p95: app.latencyP95Millis};
  }
  state.history.push({at: Date.now(), apps});
  if (state.history.length > HISTORY) state.history.shift();
  if (stats) {
    for (const node of document.querySelectorAll('.window')) node.textContent = stats.windowSeconds;
  }
  const rows = (stats ? stats.apps : []).map(app => el('tr', {'data-app-id': app.appId},
    el('td', null, app.appId), el('td', null, app.completed), el('td', null, app.failed), el('td', null, app.inFlight),
    el('td', null, app.completedPerSecond.toFixed(2)),
    el('td', null, app.latencyP50Millis === null ? '–' : app.latencyP50Millis.toFixed(1)),
    el('td', null, app.latencyP95Millis === null ? '–' : app.latencyP95Millis.toFixed(1))));
  document.getElementById('serving').replaceChildren(
    el('tr', null, ['app', 'results', 'failures', 'in flight', 'results/s', 'p50 ms', 'p95 ms'].map(h => el('th', null, h))),
    ...rows);
}

function drawChart(canvasId, series) {
  const canvas = document.getElementById(canvasId);
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || canvas.width;
  const height = canvas.clientHeight || canvas.height;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);
  const left = 44, bottom = 18, top = 8, right = 8;
  let max = 0;
  for (const s of series) for (const v of s.values) if (v !== null && v > max) max = v;
  max = max > 0 ? niceCeiling(max) : 1;
  g.strokeStyle = '#eaecf0';
  g.fillStyle = '#667085';
  g.font = '11px system-ui, sans-serif';
  for (let i = 0; i <= 4; i++) {
    const y = top + (height - top - bottom) * (1 - i / 4);
    g.beginPath(); g.moveTo(left, y); g.lineTo(width - right, y); g.stroke();
    g.fillText(formatTick(max * i / 4), 4, y + 4);
  }
  g.fillText('−' + HISTORY + ' s', left, height - 4);
  g.fillText('now', width - right - 22, height - 4);
  const x = i => left + (width - left - right) * i / (HISTORY - 1);
  const y = v => top + (height - top - bottom) * (1 - v / max);
  for (const s of series) {
    g.strokeStyle = s.colour;
    g.lineWidth = 1.6;
    g.setLineDash(s.dashed ? [4, 3] : []);
    g.beginPath();
    let drawing = false;
    const offset = HISTORY - s.values.length;
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) { drawing = false; return; }
      if (drawing) g.lineTo(x(offset + i), y(v)); else g.moveTo(x(offset + i), y(v));
      drawing = true;
    });
    g.stroke();
  }
  g.setLineDash([]);
}

function niceCeiling(v) {
  const step = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= v) return m * step;
  return 10 * step;
}

function formatTick(v) {
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

function renderCharts() {
  const appIds = [...new Set(state.history.flatMap(h => Object.keys(h.apps)))].sort();
  const column = (appId, field) => state.history.map(h => h.apps[appId] ? h.apps[appId][field] : null);
  drawChart('throughput', appIds.map(id => ({colour: colourOf(id), values: column(id, 'rate')})));
  drawChart('latency', appIds.flatMap(id => [
    {colour: colourOf(id), values: column(id, 'p50')},
    {colour: colourOf(id), values: column(id, 'p95'), dashed: true}]));
  document.getElementById('legend').replaceChildren(...appIds.map(id =>
    el('span', null, el('i', {style: 'background:' + colourOf(id)}), id)));
}

// ---- the poll loop ----

function setStatus(text, error) {
  state.actionShownUntil = 0;
  const status = document.getElementById('status');
  status.textContent = text;
  status.classList.toggle('error', !!error);
}

/** The body of a 200, null otherwise; a failure is remembered for the status line. */
async function optional(path, failures) {
  try {
    const answer = await api(path);
    if (answer.ok) return answer.body;
    if (answer.status !== 404) failures.push(path + ': HTTP ' + answer.status);
    return null;
  } catch (e) {
    failures.push(e.name === 'AbortError' ? path + ': no answer in ' + REQUEST_TIMEOUT_MILLIS + ' ms' : e.message);
    return null;
  }
}

let polling = false;

async function poll() {
  if (polling) return;
  polling = true;
  try {
    const failures = [];
    const [space, plans, gateway, stats] = await Promise.all([
      optional('/api/space/devices', failures), optional('/api/plans', failures),
      optional('/api/gateway/devices', failures), optional('/api/executor/stats', failures)]);
    renderPlans(plans);
    renderDevices(space, gateway, plans);
    recordStats(stats);
    renderCharts();
    if (failures.length) setStatus(failures.join('; '), true);
    else if (!state.pending.size && Date.now() > state.actionShownUntil) setStatus('updated ' + new Date().toLocaleTimeString());
  } finally {
    polling = false;
  }
}

poll();
setInterval(poll, POLL_MILLIS);
