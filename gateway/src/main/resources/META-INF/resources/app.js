'use strict';
// The musicluster web UI: plain JavaScript over the gateway's REST API (OpenAPI at q/openapi) and ECharts.

// songs: every song's id, name and labels (api/songs/index.csv, about 50 bytes a song); page: the songs the table lists.
const state = { songs: new Map(), labels: [], page: [], runs: [], run: null, events: null };
const $ = (id) => document.getElementById(id);

// Writes carry the API key typed in the header; it stays in this browser's session only.
const keyField = $('api-key');
keyField.value = sessionStorage.getItem('musicluster.apiKey') || '';
keyField.addEventListener('change', () => sessionStorage.setItem('musicluster.apiKey', keyField.value));

async function api(path, options = {}) {
  if (options.method && options.method !== 'GET' && keyField.value) {
    options.headers = { ...(options.headers || {}), 'X-API-Key': keyField.value };
  }
  const response = await fetch(path, options);
  if (response.status === 401) {
    throw new Error(keyField.value ? 'the API key was refused' : 'this needs an API key (top right)');
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new Error((body && body.error) || `${response.status} ${response.statusText}`);
  }
  return body;
}

/**
 * RFC 4180 CSV as its header and rows of fields; with {@code wanted} (column names) each row keeps only those, in that
 * order. A line without quotes is split natively, one with quotes read a character at a time (a quoted field may hold
 * commas and line breaks). At 100,000 songs the assignments are 57 columns: objects keyed by the header held 5.7
 * million properties in the browser.
 */
function readCsv(text, wanted) {
  const rows = [];
  let header = null, pick = null, quote = text.indexOf('"');
  for (let i = 0; i < text.length;) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    if (quote >= 0 && quote < i) quote = text.indexOf('"', i);
    let fields;
    if (quote >= 0 && quote < end) {
      [fields, end] = quotedRow(text, i);
    } else {
      const line = text.charCodeAt(end - 1) === 13 ? text.slice(i, end - 1) : text.slice(i, end);
      fields = line === '' ? null : line.split(',');
    }
    i = end + 1;
    if (!fields) continue;
    if (!header) {
      header = fields;
      pick = wanted ? wanted.map(name => header.indexOf(name)) : null;
    } else rows.push(pick ? pick.map(c => (c < 0 ? '' : fields[c] ?? '')) : fields);
  }
  return { header: header ? (wanted || header) : [], rows };
}

/** One quoted row from {@code start}: its fields and the index of the line break that ends it. */
function quotedRow(text, start) {
  const row = [];
  let field = '', quoted = false, i = start;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') break;
    else if (c !== '\r') field += c;
  }
  row.push(field);
  return [row, i];
}

/** The small tables (metrics) as objects keyed by the header. */
function parseCsv(text) {
  const { header, rows } = readCsv(text);
  return rows.map(r => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([k, v]) => (k === 'onclick' ? node.addEventListener('click', v) : node.setAttribute(k, v)));
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
  return node;
}

/** "Title — Artist" from the library index, else from {@code known}: what an answer carried of the song (a playlist's entry). */
function songName(id, known) {
  const song = state.songs.get(id) || known;
  return song && song.title ? `${song.title}${song.artist ? ' — ' + song.artist : ''}` : id;
}

// ---------------------------------------------------------------- songs
const SONG_ROWS = 1000;
// The table lists the first page of songs with their status (the library's line above counts them by stage): a
// library of 100,000 listed whole was 20 pages, about 100 MB, of JSON in the browser.
async function loadSongs() {
  const response = await fetch(`api/songs?limit=${SONG_ROWS}`);
  if (!response.ok) throw new Error(`api/songs: ${response.status}`);
  const shown = await response.json();
  const total = +(response.headers.get('X-Total-Count') || shown.length);
  state.page = shown;
  shown.forEach(s => state.songs.set(s.id, { title: s.title, artist: s.artist, labels: s.labels || {} }));
  $('song-counts').textContent = `${total} songs`;
  if (shown.length < total) $('song-counts').textContent += ` (the first ${SONG_ROWS} listed here; the map, the searches and /api/songs?offset=N reach the others)`;
  const body = $('song-table').querySelector('tbody');
  body.replaceChildren(...shown.map(s => el('tr', {},
    el('td', {}, el('span', { class: 'song-link', onclick: () => showSong(s.id) }, s.id)), el('td', {}, s.title || ''),
    el('td', {}, s.artist || ''), el('td', {}, s.source || ''),
    el('td', {}, Object.entries(s.labels || {}).map(([k, v]) => `${k}=${v}`).join(', ')),
    el('td', {}, s.status))));
}

/** Every song's name and labels, for the map's points and the lists that name songs by id. */
async function loadIndex() {
  const { header, rows } = readCsv(await api('api/songs/index.csv'));
  state.labels = header.slice(3);
  state.songs = new Map(rows.map(r => [r[0], { title: r[1], artist: r[2],
    labels: Object.fromEntries(state.labels.map((l, i) => [l, r[3 + i]]).filter(([, v]) => v)) }]));
}

// Where the library stands: what `musicluster sync` prints, and each failed song with its reason.
async function loadLibraryState() {
  const library = await api('api/library');
  state.library = library;
  $('library-state').textContent = `library: ${library.songs} songs, ${library.analysed} analysed, ${library.pending} pending, ` +
    `${library.clustered} clustered, ${library.failed.length} failed, ${library.removed} removed`;
  $('library-failed').replaceChildren(...library.failed.map(f =>
    el('li', {}, `${f.source || f.songId}: ${f.stage} failed: ${f.reason}`)));
}

$('upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const labels = {};
  form.labels.value.split(',').map(p => p.trim()).filter(Boolean).forEach(pair => {
    const [k, ...v] = pair.split('=');
    if (k && v.length) labels[k.trim()] = v.join('=').trim();
  });
  const metadata = { title: form.title.value, artist: form.artist.value || null, lyrics: form.lyrics.value || null, labels };
  const data = new FormData();
  data.append('audio', form.audio.files[0]);
  data.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }));
  $('upload-result').textContent = 'uploading…';
  try {
    const answer = await api('api/songs', { method: 'POST', body: data });
    $('upload-result').textContent = `${answer.id}: ${answer.status}`;
    $('upload-result').className = 'note';
    form.reset();
    await loadSongs();
  } catch (e) {
    $('upload-result').textContent = e.message;
    $('upload-result').className = 'note error';
  }
});

// ---------------------------------------------------------------- runs
async function loadRuns() {
  state.runs = await api('api/runs');
  $('run-list').replaceChildren(...state.runs.map(run => el('div', {
    class: 'run' + (state.run && state.run.runId === run.runId ? ' selected' : ''), onclick: () => selectRun(run.runId),
  }, `${run.runId} · ${run.state} · ${run.models.join(', ')}`)));
  const runSelect = $('map-run');
  const chosen = runSelect.value;
  runSelect.replaceChildren(...state.runs.filter(r => Object.values(r.byModel).some(m => m.clustered))
    .map(r => el('option', { value: r.runId }, `${r.runId} (${r.state})`)));
  if (chosen && [...runSelect.options].some(o => o.value === chosen)) runSelect.value = chosen;
  if (!state.run && state.runs.length) selectRun((state.runs.find(r => r.state === 'DONE') || state.runs[0]).runId);
}

function selectRun(runId) {
  if (state.events) state.events.close();
  state.events = new EventSource(`api/runs/${encodeURIComponent(runId)}/events`);
  state.events.onmessage = (message) => {
    const run = JSON.parse(message.data);
    const first = !state.run || state.run.runId !== run.runId || state.run.state !== run.state;
    state.run = run;
    drawProgress(run);
    // The server ends the stream with the run; without this the browser would reconnect to it again and again.
    if (run.state === 'DONE' || run.state === 'FAILED') state.events.close();
    if (first && Object.values(run.byModel).some(m => m.clustered)) {
      loadRuns().then(() => { $('map-run').value = run.runId; onRunChosen(); loadMetrics(); loadClusters(); loadPlaylists(); });
    }
  };
  state.events.onerror = () => { if (state.events) state.events.close(); };
  state.run = state.runs.find(r => r.runId === runId) || null;
  if (state.run) drawProgress(state.run);
}

function drawProgress(run) {
  const rows = Object.entries(run.byModel).map(([model, m]) => {
    const fraction = m.epochs ? m.epoch / m.epochs : 0;
    if (m.failure) {
      return el('div', { class: 'model-row failed' }, el('b', {}, model),
        el('span', { class: 'bar' }, el('span', { style: `width:${Math.round(100 * fraction)}%` })), ' ',
        el('span', { class: 'error' }, `failed in epoch ${m.epoch}/${m.epochs}: ${m.failure}`));
    }
    const status = m.clustered ? 'clustered' : m.trained ? 'trained, clustering'
      : m.toEncode ? `trained on a sample, encoding every song: ${m.encoded.toLocaleString()}/${m.toEncode.toLocaleString()}`
      : m.epochs ? `epoch ${m.epoch}/${m.epochs}, loss ${m.loss.toFixed(4)}` : 'waiting';
    return el('div', { class: 'model-row' }, el('b', {}, model + (m.primary ? ' ★' : '')),
      el('span', { class: 'bar' }, el('span', { style: `width:${Math.round(100 * (m.clustered ? 1 : fraction))}%` })), ' ', status);
  });
  $('run-progress').replaceChildren(el('p', {}, `run ${run.runId}: `, el('b', { id: 'run-state' }, run.state),
    run.failure ? el('span', { class: 'error' }, ' ' + run.failure) : ''), ...rows);
}

$('run-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const hyperParameters = {};
  ['epochs', 'latent', 'seed'].forEach(name => { if (form[name].value) hyperParameters[name] = form[name].value; });
  const config = {
    models: [...form.querySelectorAll('input[name=models]:checked')].map(c => c.value), hyperParameters,
    algorithms: form.algorithms.value ? form.algorithms.value.split(',').map(a => a.trim()).filter(Boolean) : [],
    k: form.k.value || null,
  };
  // The songs the run leaves out: label=value pairs and track lengths, recorded in each model's provenance.
  const exclusions = form.exclude.value.split(',').map(p => p.trim()).filter(Boolean);
  if (exclusions.length || form.minSeconds.value || form.maxSeconds.value) {
    const excludeLabels = {};
    for (const pair of exclusions) {
      const [label, ...value] = pair.split('=');
      if (!value.length || !label.trim() || !value.join('=').trim()) {
        $('run-result').textContent = `leave out label=value, not "${pair}"`;
        $('run-result').className = 'note error';
        return;
      }
      (excludeLabels[label.trim()] ||= []).push(value.join('=').trim());
    }
    config.selection = { excludeLabels, minSeconds: form.minSeconds.value ? +form.minSeconds.value : null,
      maxSeconds: form.maxSeconds.value ? +form.maxSeconds.value : null };
  }
  try {
    const started = await api('api/runs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(config) });
    $('run-result').textContent = `started ${started.runId}`;
    $('run-result').className = 'note';
    state.run = null;
    selectRun(started.runId);
    setTimeout(loadRuns, 1000);
  } catch (e) {
    $('run-result').textContent = e.message;
    $('run-result').className = 'note error';
  }
});

// ---------------------------------------------------------------- latent map
const scatter = echarts.init($('scatter'));
const bars = echarts.init($('metric-bars'));
const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf',
  '#aec7e8', '#ffbb78', '#98df8a', '#ff9896', '#c5b0d5', '#c49c94', '#f7b6d2', '#c7c7c7', '#dbdb8d', '#9edae5'];
const mapCache = { key: null, points: [], assignments: {} };

function onRunChosen() {
  const run = state.runs.find(r => r.runId === $('map-run').value);
  const models = run ? Object.entries(run.byModel).filter(([, m]) => m.clustered).map(([model]) => model) : [];
  const previous = $('map-model').value;
  $('map-model').replaceChildren(...models.map(m => el('option', { value: m }, m)));
  if (models.includes(previous)) $('map-model').value = previous;
  drawMap();
}

async function drawMap() {
  const runId = $('map-run').value;
  const model = $('map-model').value;
  if (!runId || !model) {
    $('map-note').textContent = 'no clustered run yet';
    return;
  }
  const key = `${runId}/${model}`;
  if (mapCache.key !== key) {
    const [map, assignments] = await Promise.all([api(`api/runs/${runId}/models/${model}/map.csv`), api(`api/runs/${runId}/assignments`)]);
    // The assignments hold a column per model and algorithm: the first of this model's is the one the map colours by.
    const columns = readCsv(assignments.slice(0, assignments.indexOf('\n') + 1)).header;
    const column = columns.find(c => c.startsWith(model + '/'));
    mapCache.key = key;
    mapCache.points = readCsv(map, ['id', 'tsne_x', 'tsne_y', 'umap_x', 'umap_y', 'placed']).rows;
    mapCache.assignments = new Map(column ? readCsv(assignments, ['id', column]).rows.filter(r => r[1] !== '') : []);
    mapCache.algorithm = column ? column.slice(model.length + 1) : '';
    const colour = $('map-colour').value;
    $('map-colour').replaceChildren(el('option', { value: 'cluster' }, `cluster (${mapCache.algorithm})`),
      ...state.labels.map(l => el('option', { value: l }, l)));
    if ([...$('map-colour').options].some(o => o.value === colour)) $('map-colour').value = colour;
  }
  const method = $('map-method').value;
  const colourBy = $('map-colour').value || 'cluster';
  const groups = new Map();
  let drawn = 0;
  let placed = 0;
  const [xAt, yAt] = method === 'tsne' ? [1, 2] : [3, 4];
  for (const p of mapCache.points) {
    const x = p[xAt], y = p[yAt], id = p[0];
    if (x === '' || y === '') continue;
    let category = colourBy === 'cluster' ? mapCache.assignments.get(id) : (state.songs.get(id)?.labels || {})[colourBy];
    category = category === undefined || category === '' ? '(none)' : colourBy === 'cluster' ? (category === '-1' ? 'noise' : 'cluster ' + category) : category;
    if (!groups.has(category)) groups.set(category, []);
    groups.get(category).push([+x, +y, id]);
    drawn++;
    if (p[5] === '1') placed++;
  }
  // Above a few thousand points ECharts' large mode draws them in one pass; smaller marks keep groups readable. Not
  // progressively: drawn a few hundred points a frame, 100,000 songs kept the page busy for over 5 minutes in headless
  // Chromium; drawn at once they take about a second.
  const large = drawn > 5000;
  const names = [...groups.keys()].sort((a, b) => groups.get(b).length - groups.get(a).length);
  // The song of a point by its series and index: ECharts' large mode keeps only the coordinates of each point.
  mapCache.seriesIds = names.map(name => groups.get(name).map(p => p[2]));
  const songAt = (item) => mapCache.seriesIds[item.seriesIndex][item.dataIndex];
  scatter.setOption({
    color: palette, animation: false,
    tooltip: { trigger: 'item', formatter: (item) => `${escapeHtml(songName(songAt(item)))}<br><small>${escapeHtml(item.seriesName)}</small>` },
    legend: { type: 'scroll', bottom: 0 }, grid: { left: 30, right: 20, top: 20, bottom: 50 },
    xAxis: { scale: true, axisLabel: { show: false }, axisLine: { onZero: false } },
    yAxis: { scale: true, axisLabel: { show: false }, axisLine: { onZero: false } },
    series: names.map((name, i) => ({ name, type: 'scatter', symbolSize: large ? 3 : 8, large, largeThreshold: 2000, progressive: 0,
      data: large ? groups.get(name).map(p => [p[0], p[1]]) : groups.get(name),
      itemStyle: name === 'noise' || name === '(none)' ? { color: '#b0b0b0' } : { color: palette[i % palette.length] } })),
  }, true);
  $('scatter').dataset.points = String(drawn);
  $('map-note').textContent = `${drawn} songs · ${method === 'tsne' ? 't-SNE' : 'UMAP'} of ${model}'s latents`
    + (placed ? ` · fitted on ${drawn - placed}, the other ${placed} placed by their nearest fitted songs` : '');
}

scatter.on('click', (item) => showSong(mapCache.seriesIds[item.seriesIndex][item.dataIndex]));
['map-model', 'map-method', 'map-colour'].forEach(id => $(id).addEventListener('change', drawMap));
$('map-run').addEventListener('change', () => { onRunChosen(); loadMetrics(); });

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

async function showSong(id) {
  // The song itself, for its tags and labels: the index the page holds has names and labels only.
  const song = await api(`api/songs/${encodeURIComponent(id)}`).catch(() => state.songs.get(id));
  const player = $('player');
  player.src = `api/songs/${encodeURIComponent(id)}/audio`;
  player.play().catch(() => { /* autoplay refused: the controls still play it */ });
  const body = [el('h3', {}, songName(id)), el('p', {}, Object.entries(song?.labels || {}).map(([k, v]) => `${k}: ${v}`).join(' · '))];
  if (song?.tags?.length) body.push(el('p', { class: 'tags' }, 'Sounds: ' + song.tags.join(', ')));
  body.push(el('p', {}, el('button', { type: 'button', class: 'radio', onclick: () => {
    chooseSong('radio-from', id); location.hash = '#listen'; playRadio(id);
  } }, 'Radio from this song')));
  try {
    const cluster = await api(`api/songs/${encodeURIComponent(id)}/cluster`);
    body.push(el('p', {}, `cluster ${cluster.cluster} of ${cluster.representation} (${cluster.algorithm}), distance ${cluster.distance.toFixed(3)}`));
  } catch (e) { body.push(el('p', { class: 'note' }, e.message)); }
  try {
    const similar = await api(`api/songs/${encodeURIComponent(id)}/similar?k=5`);
    body.push(el('p', {}, 'Sounds like:'), el('ol', {}, similar.map(s => el('li', {},
      el('span', { class: 'song-link', onclick: () => showSong(s.id) }, songName(s.id)), ` (${s.distance.toFixed(2)})`))));
  } catch (e) { body.push(el('p', { class: 'note' }, e.message)); }
  $('detail-body').replaceChildren(...body);
  location.hash = '#map';
}

// ---------------------------------------------------------------- metrics
let metricRows = [];

async function loadMetrics() {
  const runId = $('map-run').value;
  if (!runId) return;
  metricRows = parseCsv(await api(`api/runs/${runId}/metrics`));
  const labels = [...new Set(metricRows.map(r => r.label))];
  const chosen = $('metric-label').value;
  $('metric-label').replaceChildren(...labels.map(l => el('option', { value: l }, l || '(none)')));
  if (labels.includes(chosen)) $('metric-label').value = chosen;
  drawMetrics();
}

function drawMetrics() {
  const label = $('metric-label').value;
  const metric = $('metric-name').value;
  const rows = metricRows.filter(r => r.label === label);
  const representations = [...new Set(rows.map(r => r.representation))];
  const algorithms = [...new Set(rows.map(r => r.algorithm))];
  bars.setOption({
    color: palette, animation: false, tooltip: { trigger: 'axis' }, legend: { bottom: 0 },
    grid: { left: 50, right: 20, top: 20, bottom: 90 },
    xAxis: { type: 'category', data: representations, axisLabel: { rotate: 35 } }, yAxis: { type: 'value', name: metric.toUpperCase() },
    series: algorithms.map(a => ({ name: a, type: 'bar', data: representations.map(rep => {
      const row = rows.find(r => r.representation === rep && r.algorithm === a);
      return row && row[metric] !== '' ? +(+row[metric]).toFixed(4) : null;
    }) })),
  }, true);
  const sorted = [...rows].sort((a, b) => (+b[metric] || -1e9) - (+a[metric] || -1e9));
  const columns = ['representation', 'algorithm', 'k', 'noise', 'nmi', 'ari', 'ami', 'purity', 'silhouette', 'davies_bouldin'];
  $('metric-table').querySelector('thead').replaceChildren(el('tr', {}, columns.map(c => el('th', {}, c))));
  $('metric-table').querySelector('tbody').replaceChildren(...sorted.map(r => el('tr', {}, columns.map(c =>
    el('td', { class: isNaN(+r[c]) ? '' : 'n' }, isNaN(+r[c]) || r[c] === '' || Number.isInteger(+r[c]) ? r[c] : (+r[c]).toFixed(3))))));
}

['metric-label', 'metric-name'].forEach(id => $(id).addEventListener('change', drawMetrics));

// ---------------------------------------------------------------- clusters
async function loadClusters() {
  const clusters = await api('api/clusters');
  $('cluster-note').textContent = clusters.length
    ? `active clustering: ${clusters[0].representation} (${clusters[0].algorithm}) of ${clusters[0].runId}` : 'no active clustering yet';
  $('cluster-list').replaceChildren(...clusters.map(c => el('div', { class: 'card' },
    el('h3', {}, c.cluster < 0 ? `noise (${c.size})` : `cluster ${c.cluster} (${c.size})`),
    ...(c.tags?.length ? [el('p', { class: 'tags' }, c.tags.join(', '))] : []),
    ...Object.entries(c.labels).map(([label, counts]) => el('div', {}, `${label}: `,
      Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([v, n]) => `${v} ${n}`).join(', '))),
    el('p', {}, 'Representative:'),
    el('ol', {}, c.representatives.map(id => el('li', {}, el('span', { class: 'song-link', onclick: () => showSong(id) }, songName(id))))))));
}

// ---------------------------------------------------------------- listen
const queue = { songs: [], at: -1, list: null };

/** Plays songs in order in the listening player; the list shown marks the one playing. */
function playQueue(songs, list) {
  queue.songs = songs;
  queue.list = list;
  playAt(0);
}

function playAt(index) {
  if (index < 0 || index >= queue.songs.length) return;
  queue.at = index;
  const song = queue.songs[index];
  const player = $('listen-player');
  player.src = `api/songs/${encodeURIComponent(song.id)}/audio`;
  player.dataset.song = song.id;
  player.play().catch(() => { /* autoplay refused: the controls still play it */ });
  $('now-playing').textContent = `${index + 1}/${queue.songs.length}: ${songName(song.id, song)}`;
  queue.list?.querySelectorAll('li').forEach((li, i) => li.classList.toggle('playing', i === index));
}

$('listen-player').addEventListener('ended', () => playAt(queue.at + 1));

function songList(songs, detail) {
  const list = el('ol', { class: 'queue' }, songs.map((s, i) => el('li', {},
    el('span', { class: 'song-link', onclick: () => { queue.songs = songs; queue.list = list; playAt(i); } }, songName(s.id, s)),
    detail ? ` ${detail(s, i)}` : '')));
  return list;
}

function fileLinks(base, extra = '') {
  const name = $('listen-name').value.trim();
  const named = name ? `&name=${encodeURIComponent(name)}` : '';
  const join = base.includes('?') ? '&' : '?';
  return el('span', { class: 'playlist-files' },
    el('a', { href: `${base}${join}format=m3u8${extra}${named}`, download: '', class: 'm3u8' }, 'M3U8'),
    el('a', { href: `${base}${join}format=xspf${extra}${named}`, download: '', class: 'xspf' }, 'XSPF'));
}

async function loadPlaylists() {
  try {
    const playlists = await api('api/playlists');
    $('listen-note').textContent = `${playlists.length} playlists of the active clustering`;
    $('playlist-list').replaceChildren(...playlists.map(p => {
      const list = songList(p.songs);
      return el('div', { class: 'card playlist', 'data-id': p.id },
        el('h3', {}, p.name),
        el('p', { class: 'tags' }, p.tags.join(', ')),
        el('p', {}, el('button', { type: 'button', class: 'play', onclick: () => playQueue(p.songs, list) }, 'Play'), ' ',
          el('span', { class: 'playlist-files' }, el('a', { href: p.m3u8, download: '' }, 'M3U8'), el('a', { href: p.xspf, download: '' }, 'XSPF')),
          ` ${(p.seconds / 60).toFixed(1)} min`),
        list);
    }));
  } catch (e) {
    $('listen-note').textContent = e.message;
  }
  // Three selects of every song were 300,000 DOM nodes at 100,000 songs: they offer the first SONG_ROWS, and a song
  // chosen elsewhere (the map, a list) joins its select when chosen.
  for (const id of ['radio-from', 'path-from', 'path-to']) {
    const chosen = $(id).value;
    $(id).replaceChildren(...state.page.map(song => el('option', { value: song.id }, songName(song.id, song))));
    if (chosen) chooseSong(id, chosen);
  }
  if (!$('path-to').dataset.touched && $('path-to').options.length > 1) $('path-to').selectedIndex = $('path-to').options.length - 1;
  try {
    const pairs = await api('api/duplicates');
    $('duplicate-list').replaceChildren(pairs.length ? el('ul', {}, pairs.map(p => el('li', {},
      `${songName(p.first, { title: p.firstTitle })} = ${songName(p.second, { title: p.secondTitle })} (distance ${p.distance.toFixed(4)}, ${p.firstSeconds.toFixed(0)} s / ${p.secondSeconds.toFixed(0)} s)`)))
      : 'No song was ingested twice.');
  } catch (e) { $('duplicate-list').textContent = e.message; }
}

$('path-to').addEventListener('change', () => { $('path-to').dataset.touched = 'yes'; });

/** Selects the song in a select of songs, adding it when it is not among those offered. */
function chooseSong(selectId, id) {
  const select = $(selectId);
  if (![...select.options].some(o => o.value === id)) select.append(el('option', { value: id }, songName(id)));
  select.value = id;
}

function showResult(title, songs, detail, links) {
  const list = songList(songs, detail);
  $('listen-result').replaceChildren(el('h4', {}, title, ' ', links), list);
  playQueue(songs, list);
}

async function playRadio(from) {
  const excluded = $('radio-exclude').value.split(',').map(a => a.trim()).filter(a => a);
  const query = `from=${encodeURIComponent(from)}&count=${$('radio-count').value}&same-cluster=${$('radio-same-cluster').checked}` +
    excluded.map(a => `&exclude-artist=${encodeURIComponent(a)}`).join('');
  try {
    const radio = await api(`api/radio?${query}`);
    showResult(radio.name, radio.songs, s => `(${s.distance.toFixed(3)})`, fileLinks(`api/radio?${query}`));
    $('listen-result').dataset.kind = 'radio';
  } catch (e) { $('listen-result').replaceChildren(el('p', { class: 'note error' }, e.message)); }
}

$('radio-form').addEventListener('submit', (event) => { event.preventDefault(); playRadio($('radio-from').value); });

$('path-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const query = `from=${encodeURIComponent($('path-from').value)}&to=${encodeURIComponent($('path-to').value)}&steps=${$('path-steps').value}`;
  try {
    const path = await api(`api/path?${query}`);
    showResult(`${path.name} (longest step ${path.worstStepRatio.toFixed(2)}× the straight line's)`, path.songs,
      (s, i) => (i ? `(${s.stepDegrees.toFixed(1)}°)` : ''), fileLinks(`api/path?${query}`));
    $('listen-result').dataset.kind = 'path';
  } catch (e) { $('listen-result').replaceChildren(el('p', { class: 'note error' }, e.message)); }
});

$('sound-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const answer = await api(`api/search/sound?k=10&text=${encodeURIComponent($('sound-text').value)}`);
    $('sound-note').textContent = `read as: ${answer.tags.join(', ')}` + (answer.unknown.length ? `; no tag for: ${answer.unknown.join(', ')}` : '');
    $('sound-note').className = 'note';
    $('sound-results').replaceChildren(...answer.results.map(hit => el('li', { class: 'hit' },
      el('span', { class: 'song-link', onclick: () => showSong(hit.id) }, songName(hit.id)), ` · score ${hit.score.toFixed(3)}`)));
  } catch (e) {
    $('sound-note').textContent = e.message;
    $('sound-note').className = 'note error';
    $('sound-results').replaceChildren();
  }
});

// ---------------------------------------------------------------- search
$('search-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('search-text').value;
  $('search-note').textContent = 'searching…';
  try {
    const answer = await api(`api/search?k=10&text=${encodeURIComponent(text)}`);
    $('search-note').textContent = `read as ${answer.language || 'an unknown language'}; nearest lyrics (${answer.embedder}):`;
    $('search-note').className = 'note';
    $('search-results').replaceChildren(...answer.results.map(hit => el('li', { class: 'hit' },
      el('span', { class: 'song-link', onclick: () => showSong(hit.id) }, songName(hit.id)),
      ` · ${hit.language || '?'} · similarity ${hit.similarity.toFixed(3)}` + (hit.cluster === null ? '' : ` · cluster ${hit.cluster}`))));
  } catch (e) {
    $('search-note').textContent = e.message;
    $('search-note').className = 'note error';
  }
});

// ---------------------------------------------------------------- start
// The counts every refresh; the table's page when they moved; the index of every song when they moved, and in a large
// library at most once a minute (5 MB at 100,000 songs).
let songsListed = { counts: null }, indexed = { counts: null, at: 0 };
async function refresh() {
  try {
    await loadLibraryState();
    const counts = JSON.stringify([state.library.songs, state.library.analysed, state.library.pending, state.library.clustered,
      state.library.failed.length, state.library.removed]);
    if (counts !== songsListed.counts) {
      await loadSongs();
      songsListed = { counts };
    }
    if (counts !== indexed.counts && (state.library.songs <= 20000 || Date.now() - indexed.at > 60000)) {
      await loadIndex();
      indexed = { counts, at: Date.now() };
    }
    await loadRuns();
  } catch (e) {
    console.error(e);
  }
}

(async () => {
  await refresh();
  if ($('map-run').value) {
    onRunChosen();
    loadMetrics();
    loadClusters();
    loadPlaylists();
  }
  setInterval(refresh, 5000);
  window.addEventListener('resize', () => { scatter.resize(); bars.resize(); });
})();
