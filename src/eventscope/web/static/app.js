// eventscope page: map + timeline + evidence panel + event table + control map. Every piece of data goes
// into the page through textContent or DOM attributes set by code, never as markup.
"use strict";

const COLORS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#1f77b4",
  "Riots": "#8c564b",
  "Strategic developments": "#2ca02c",
};
const OTHER = "#7f7f7f";
// the holders of places on the control map: one colour each, the same on every day
const HOLDER_COLORS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4",
                       "#b2182b", "#4d4d4d"];
const DAY_MS = 86400000;
const PAGE_ROWS = 50;
const state = {
  map: null, layer: null, labels: null, control: null, since: null, until: null, seq: 0, labelSeq: 0,
  timeline: null, counts: [], hidden: new Set(), table: { sort: "date", offset: 0 }, controlDate: null,
  tab: "map",
};

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

function svgEl(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

async function getJSON(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v) url.searchParams.set(k, v);
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${response.status} ${path}`);
  return response.json();
}

// ---- filters: the form, the legend's hidden types, the range brushed on the timeline

function formFilters() {  // the form and the legend: what the timeline counts
  const form = new FormData(document.getElementById("filters"));
  const out = {};
  for (const [k, v] of form.entries()) if (v) out[k] = String(v);
  if (state.hidden.size) out.hide = [...state.hidden].sort().join(",");
  return out;
}

function filters() {  // the form's filters narrowed to the range brushed on the timeline
  const out = formFilters();
  if (state.since) { out.since = state.since; out.until = state.until; }
  return out;
}

// The view as west,south,east,north within -180..180; a view across the date line (Leaflet's 170..190) is sent
// as west > east (170,..,-170,..), which the API reads as the two sides of the line.
function bbox() {
  const b = state.map.getBounds();
  const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
  let west = b.getWest(), east = b.getEast();
  if (east - west >= 360) { west = -180; east = 180; }
  else { west -= 360 * Math.floor((west + 180) / 360); east -= 360 * Math.ceil((east - 180) / 360); }
  return [west, clamp(b.getSouth(), -90, 90), east, clamp(b.getNorth(), -90, 90)].map((x) => x.toFixed(4)).join(",");
}

// A longitude moved by whole turns to the copy of the world the map's centre is on (a marker at -175 is drawn
// at 185 when the view is centred on the date line).
function nearLng(lng) {
  return lng + 360 * Math.round((state.map.getCenter().lng - lng) / 360);
}

// ---- markers: one event, or a cluster of events; both open with a click or with Enter / Space

function mainType(types) {
  return Object.entries(types).sort((a, b) => b[1] - a[1])[0][0];
}

function sizeByDeaths() { return document.getElementById("size-by-deaths").checked; }

function keyboardOpen(node, label, open) {  // a marker reachable with Tab and opened with Enter or Space
  node.setAttribute("tabindex", "0");
  node.setAttribute("role", "button");
  node.setAttribute("aria-label", label);
  node.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); open(); }
  });
}

function deathsText(n) { return n ? ` · ${n} killed` : ""; }

function eventMarker(c) {
  const radius = sizeByDeaths() ? Math.min(24, 4 + 3 * Math.sqrt(c.fatalities)) : 7;
  const type = mainType(c.types);
  const marker = L.circleMarker([c.latitude, nearLng(c.longitude)], {
    radius, color: "#333", weight: 1, fillColor: COLORS[type] || OTHER, fillOpacity: 0.85, className: "event-marker",
  });
  marker.bindTooltip(() => el("span", `${type}${deathsText(c.fatalities)} — click to read`));
  const open = () => showEvent(c.event_id).catch(report);
  marker.on("click", open);
  marker.addTo(state.layer);
  const node = marker.getElement();
  node.dataset.eventId = c.event_id;
  node.dataset.radius = String(Math.round(radius));
  keyboardOpen(node, `${type}${deathsText(c.fatalities)}`, open);
}

// A cluster: a disc sized by its count (or deaths), its ring split by event type (a conic gradient from code).
function clusterMarker(c) {
  const entries = Object.entries(c.types).sort((a, b) => b[1] - a[1]);
  const measure = sizeByDeaths() ? Math.max(1, c.fatalities) : c.count;
  const size = Math.round(26 + 8 * Math.log10(measure));
  const icon = el("div", c.count, "cluster");
  let at = 0;
  const stops = entries.map(([type, n]) => {
    const from = at; at += (360 * n) / c.count;
    return `${COLORS[type] || OTHER} ${from}deg ${at}deg`;
  });
  icon.style.background = `conic-gradient(${stops.join(", ")})`;
  icon.style.width = icon.style.height = icon.style.lineHeight = `${size}px`;
  const marker = L.marker([c.latitude, nearLng(c.longitude)], {
    icon: L.divIcon({ html: icon, className: "cluster-marker", iconSize: [size, size] }), keyboard: false,
  });
  const summary = entries.map(([t, n]) => `${t}: ${n}`).join(" · ") + deathsText(c.fatalities);
  marker.bindTooltip(() => el("span", summary));
  const open = () => openCluster(c).catch(report);
  marker.on("click", open);
  marker.addTo(state.layer);
  const node = marker.getElement();
  node.dataset.count = String(c.count);
  keyboardOpen(node, `${c.count} events: ${summary}`, open);
}

async function loadMarkers() {
  const seq = ++state.seq;
  const page = await getJSON("/api/clusters", { ...filters(), bbox: bbox(), zoom: String(state.map.getZoom()) });
  if (seq !== state.seq) return false;  // a newer request is on its way
  state.layer.clearLayers();
  for (const c of page.clusters) (c.count === 1 ? eventMarker : clusterMarker)(c);
  const range = state.since ? ` · ${state.since} – ${state.until}` : "";
  const killed = page.clusters.reduce((sum, c) => sum + c.fatalities, 0);
  document.getElementById("status").textContent =
    `${page.total} event${page.total === 1 ? "" : "s"} in view${deathsText(killed)}${range}`;
  document.body.dataset.deathsInView = String(killed);
  document.body.dataset.eventsInView = String(page.total);
  document.body.dataset.bbox = bbox();
  document.body.dataset.since = state.since || "";
  state.table.offset = 0;
  if (state.tab === "table") loadTable().catch(report);
  return true;
}

// A cluster whose events are spread out zooms in on them; one whose events share a spot lists them.
async function openCluster(c) {
  const [west, south, east, north] = c.extent;
  const shift = nearLng(west) - west, bounds = L.latLngBounds([south, west + shift], [north, east + shift]);
  const spread = east > west || north > south, zoom = state.map.getZoom();
  if (spread && zoom < state.map.getMaxZoom() && state.map.getBoundsZoom(bounds) > zoom) {
    state.map.fitBounds(bounds.pad(0.3));
    return;
  }
  const pad = 1e-4, box = [west - pad, south - pad, east + pad, north + pad].map((x) => x.toFixed(5)).join(",");
  const page = await getJSON("/api/events", { ...filters(), bbox: box, limit: "100" });
  const panel = document.getElementById("panel");
  panel.replaceChildren(el("h3", `${c.count} events here`));
  delete panel.dataset.eventId;
  const list = el("ul", null, "event-list");
  for (const e of page.events) {
    const item = el("li"), link = el("button", `${e.date_start || "undated"} ${e.sub_event_type}`, "linkish");
    link.type = "button";
    link.dataset.eventId = e.event_id;
    link.addEventListener("click", () => showEvent(e.event_id).catch(report));
    item.append(link, el("span", ` ${e.location || ""} · ${[e.actor1, e.actor2].filter(Boolean).join(" vs ")}`));
    list.appendChild(item);
  }
  panel.appendChild(list);
  if (page.has_more) panel.appendChild(el("p", "(first 100 shown)", "meta"));
  showTab("panel");
  const first = list.querySelector("button");
  if (first) first.focus({ preventScroll: true });
}

// ---- place names: the gazetteer's capitals and towns (more as the map zooms in) and the places of events

const LABEL_PX = { height: 14, char: 6.6 };

async function loadLabels() {
  const seq = ++state.labelSeq;
  const d = await getJSON("/api/labels", { bbox: bbox(), zoom: String(state.map.getZoom()) });
  if (seq !== state.labelSeq) return;
  state.labels.clearLayers();
  const placed = [], seen = new Set(), capitals = new Set(d.towns.filter((t) => t.capital).map((t) => t.name));
  const candidates = [
    ...d.places.map((p) => ({ ...p, kind: "event-place" })),
    ...d.towns.map((t) => ({ ...t, kind: t.capital ? "capital" : "town" })),
  ];
  for (const c of candidates) {
    if (c.latitude === null || c.longitude === null || seen.has(c.name)) continue;
    const spot = [c.latitude, nearLng(c.longitude)], at = state.map.latLngToContainerPoint(spot);
    const w = c.name.length * LABEL_PX.char + 8, box = [at.x - 3, at.y - LABEL_PX.height / 2, at.x + w, at.y + LABEL_PX.height / 2];
    if (placed.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
    placed.push(box);
    seen.add(c.name);
    const label = el("span", c.name, `place-label ${c.kind}${capitals.has(c.name) ? " capital" : ""}`);
    label.dataset.name = c.name;
    L.marker(spot, {
      icon: L.divIcon({ html: label, className: "label-anchor", iconSize: [0, 0] }),
      interactive: false, keyboard: false, pane: "labels",
    }).addTo(state.labels);
  }
  document.body.dataset.labels = String(placed.length);
  document.body.dataset.labelsMs = String(Math.round(performance.now()));
}

// ---- the timeline: events (or deaths) per day, week or month, stacked by type; drag to brush a range

function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }

function unitStart(ms, unit) {  // the start of the day, week (Monday) or month holding ms
  const d = new Date(ms);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (unit === "year") return Date.UTC(d.getUTCFullYear(), 0, 1);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return unit === "week" ? day - ((d.getUTCDay() + 6) % 7) * DAY_MS : day;
}

function unitNext(ms, unit) {
  const d = new Date(ms);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  if (unit === "quarter") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1);
  if (unit === "year") return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  return ms + (unit === "week" ? 7 : 1) * DAY_MS;
}

function binUnit(first, last, width) {
  const wanted = document.getElementById("timeline-bin").value;
  if (wanted !== "auto") return wanted;
  const days = (last - first) / DAY_MS + 1;
  return days <= width / 6 ? "day" : days / 7 <= width / 6 ? "week" : "month";
}

function makeBins(first, last, unit) {  // [from, to) of each bin from the one holding first to the one holding last
  const bins = [];
  for (let t = unitStart(first, unit); t <= last; t = unitNext(t, unit)) bins.push([t, unitNext(t, unit)]);
  return bins;
}

function binOf(bins, ms) {  // the bin holding ms (binary search)
  let lo = 0, hi = bins.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (bins[mid][0] <= ms) lo = mid; else hi = mid - 1; }
  return lo;
}

const TICKS = [["day", 1], ["week", 7], ["month", 30], ["quarter", 91], ["year", 365]];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function tickLabel(ms, unit) {
  const d = new Date(ms);
  if (unit === "year") return String(d.getUTCFullYear());
  if (unit === "month" || unit === "quarter") return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

function drawTicks(svg, t, top) {  // date ticks under the bars: the finest unit whose ticks are 70 px apart
  const span = t.end - t.first;
  const [unit] = TICKS.find(([, days]) => (days * DAY_MS * t.width) / span >= 70) || TICKS[TICKS.length - 1];
  const start = unit === "quarter" ? unitStart(t.first, "month") : unitStart(t.first, unit);
  for (let ms = start; ms < t.end; ms = unitNext(ms, unit)) {
    if (ms < t.first) continue;
    const x = t.x(ms);
    svg.appendChild(svgEl("line", { x1: x, x2: x, y1: top, y2: top + 4, class: "tick" }));
    const text = svgEl("text", { x: x + 2, y: top + 14, class: "tick-label" });
    text.textContent = tickLabel(ms, unit);
    svg.appendChild(text);
  }
}

function renderTimeline(counts) {
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const deaths = document.getElementById("timeline-measure").value === "deaths";
  const days = counts.map((c) => Date.parse(c.day));
  if (!days.length) { state.timeline = null; return; }
  const width = svg.clientWidth || 800, height = 100, top = 80;
  const first = Math.min(...days), last = Math.max(...days), unit = binUnit(first, last, width);
  const bins = makeBins(first, last, unit);
  const totals = bins.map(() => new Map());
  for (const c of counts) {
    const by = totals[binOf(bins, Date.parse(c.day))];
    by.set(c.event_type, (by.get(c.event_type) || 0) + (deaths ? c.fatalities : c.count));
  }
  const sums = totals.map((by) => [...by.values()].reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...sums), end = bins[bins.length - 1][1];
  const x = (ms) => ((ms - bins[0][0]) / (end - bins[0][0])) * width;
  state.timeline = { bins, first: bins[0][0], end, width, x, unit };
  bins.forEach(([from, to], i) => {
    if (!sums[i]) return;
    const x0 = x(from), w = Math.max(1, x(to) - x0 - 1), h = Math.max(2, (sums[i] / max) * (top - 16));
    const bar = svgEl("rect", { x: x0, width: w, y: top - h, height: h, class: "bar" });
    const [a, b] = [isoDay(from), isoDay(to - DAY_MS)];
    const parts = [...totals[i]].map(([type, n]) => `${type}: ${n}`).join(", ");
    bar.appendChild(svgEl("title")).textContent = `${a === b ? a : a + " – " + b}: ${sums[i]} ${deaths ? "killed" : "events"} (${parts})`;
    bar.dataset.from = a; bar.dataset.to = b; bar.dataset.total = String(sums[i]);
    svg.appendChild(bar);
    let y = top;
    for (const [type, n] of [...totals[i]].sort()) {  // the stack, one segment per type
      const sh = (n / sums[i]) * h;
      y -= sh;
      if (sh > 0) svg.appendChild(svgEl("rect", { x: x0, width: w, y, height: sh, class: "seg", fill: COLORS[type] || OTHER, "data-type": type }));
    }
  });
  svg.appendChild(svgEl("line", { x1: 0, x2: width, y1: top, y2: top, class: "baseline" }));
  drawTicks(svg, state.timeline, top);
  svg.appendChild(svgEl("rect", { class: "brush", x: 0, y: 0, width: 0, height: top }));
  const label = svgEl("text", { x: 4, y: 12, class: "axis" });
  label.textContent = `${isoDay(first)} – ${isoDay(last)} · ${deaths ? "deaths" : "events"} per ${unit} · max ${max}`;
  svg.appendChild(label);
  svg.dataset.unit = unit;
  drawBrush();
}

function binRange(a, b) {  // the first and last day of bins a..b
  const bins = state.timeline.bins;
  return [isoDay(bins[a][0]), isoDay(bins[b][1] - DAY_MS)];
}

function binAt(px) {
  const t = state.timeline;
  return binOf(t.bins, t.first + (Math.max(0, Math.min(t.width - 0.01, px)) / t.width) * (t.end - t.first));
}

function drawBrush(x0, x1) {
  const svg = document.getElementById("timeline"), brush = svg.querySelector("rect.brush"), t = state.timeline;
  if (!brush || !t) return;
  let from = x0, to = x1;
  if (from === undefined && state.since) {
    from = t.x(Date.parse(state.since));
    to = t.x(Date.parse(state.until) + DAY_MS);
  }
  const on = from !== undefined;
  brush.setAttribute("x", String(on ? Math.min(from, to) : 0));
  brush.setAttribute("width", String(on ? Math.abs(to - from) : 0));
  for (const bar of svg.querySelectorAll("rect.bar")) {
    const inside = state.since && bar.dataset.to >= state.since && bar.dataset.from <= state.until;
    bar.classList.toggle("selected", Boolean(inside));
  }
}

function setRange(since, until) {
  state.since = since; state.until = until;
  drawBrush();
  writeUrl(true);
  loadMarkers().catch(report);
}

function brushable(svg) {
  let start = null;
  const x = (ev) => ev.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener("pointerdown", (ev) => {
    if (!state.timeline) return;
    start = x(ev); svg.setPointerCapture(ev.pointerId); ev.preventDefault();
  });
  svg.addEventListener("pointermove", (ev) => { if (start !== null) drawBrush(start, x(ev)); });
  svg.addEventListener("pointerup", (ev) => {
    if (start === null) return;
    const end = x(ev), a = binAt(Math.min(start, end)), b = binAt(Math.max(start, end));
    const [from, to] = binRange(a, b);
    start = null;
    if (a === b && state.since === from && state.until === to) {
      setRange(null, null);  // clicking the one selected bar again clears the selection
    } else {
      setRange(from, to);
    }
  });
}

// ---- the legend: one button per type, pressed while the type is shown

function renderLegend() {
  const legend = document.getElementById("legend");
  legend.replaceChildren();
  const types = new Set([...Object.keys(COLORS), ...state.counts.map((c) => c.event_type), ...state.hidden]);
  for (const type of types) {
    const item = el("button", type, "legend-item"), dot = el("i");
    item.type = "button";
    dot.style.background = COLORS[type] || OTHER;
    item.prepend(dot);
    item.dataset.type = type;
    item.setAttribute("aria-pressed", String(!state.hidden.has(type)));
    item.addEventListener("click", () => {
      if (state.hidden.has(type)) state.hidden.delete(type); else state.hidden.add(type);
      writeUrl(true);
      refresh().catch(report);
    });
    legend.appendChild(item);
  }
}

// ---- the filters' choices, from /api/facets

function setOptions(select, facets, label) {
  const keep = select.value;
  select.replaceChildren(el("option", "any"));
  select.options[0].value = "";
  for (const f of facets) select.appendChild(el("option", `${label(f)} (${f.events})`)).value = f.value;
  ensureOption(select, keep);
  select.value = keep;
}

function ensureOption(select, value) {  // a value from the URL that the choices do not list is still kept
  if (value && ![...select.options].some((o) => o.value === value)) select.appendChild(el("option", value)).value = value;
}

async function loadFacets() {
  const f = await getJSON("/api/facets");
  const form = document.getElementById("filters").elements, plain = (x) => x.value;
  setOptions(form.type, f.event_types, plain);
  setOptions(form.sub_type, f.sub_event_types, (x) => `${x.value} · ${x.within}`);
  setOptions(form.country, f.countries, plain);
  setOptions(form.admin1, f.admin1s, (x) => `${x.value}${x.within ? ", " + x.within : ""}`);
  setOptions(form.actor_type, f.actor_types, plain);
  setOptions(form.source, f.sources, plain);
}

// The actor field suggests names from /api/actors as the analyst types.
function suggestActors() {
  const input = document.querySelector("input[name=actor]"), list = document.getElementById("actor-names");
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const page = await getJSON("/api/actors", { q: input.value, limit: "20" });
      list.replaceChildren(...page.actors.map((a) => { const o = el("option", `${a.events} events`); o.value = a.name; return o; }));
    }, 200);
  });
}

async function refresh() {
  state.counts = (await getJSON("/api/counts", formFilters())).counts;
  renderTimeline(state.counts);
  renderLegend();
  return loadMarkers();
}

// ---- the event table: the events in view, sortable by column, a page at a time

const COLUMNS = [["date", "date", (e) => e.date_start || "undated"], ["type", "type", (e) => e.sub_event_type],
                 ["actor", "actor 1", (e) => e.actor1 || ""], ["", "actor 2", (e) => e.actor2 || ""],
                 ["location", "place", (e) => e.location || ""], ["country", "country", (e) => e.country || ""],
                 ["fatalities", "deaths", (e) => fatalities(e)]];  // fmt: (sort key, heading, cell)

function tableHead() {
  const row = document.querySelector("#table-view thead tr");
  row.replaceChildren();
  for (const [key, heading] of COLUMNS) {
    const th = el("th");
    th.scope = "col";
    if (!key) { th.textContent = heading; row.appendChild(th); continue; }
    const sorted = state.table.sort.replace("-", "") === key, down = state.table.sort.startsWith("-");
    th.setAttribute("aria-sort", sorted ? (down ? "descending" : "ascending") : "none");
    const button = el("button", `${heading}${sorted ? (down ? " ▼" : " ▲") : ""}`, "linkish sort");
    button.type = "button";
    button.dataset.sort = key;
    button.addEventListener("click", () => {
      state.table.sort = sorted && !down ? `-${key}` : key;
      state.table.offset = 0;
      loadTable().catch(report);
    });
    th.appendChild(button);
    row.appendChild(th);
  }
}

async function loadTable() {
  const { sort, offset } = state.table;
  const page = await getJSON("/api/events", { ...filters(), bbox: bbox(), sort, offset: String(offset),
                                              limit: String(PAGE_ROWS) });
  tableHead();
  const body = document.querySelector("#table-view tbody");
  body.replaceChildren();
  for (const e of page.events) {
    const tr = el("tr");
    tr.dataset.eventId = e.event_id;
    COLUMNS.forEach(([, , cell], i) => {
      const td = el("td");
      if (i === 0) {
        const open = el("button", cell(e), "linkish");
        open.type = "button";
        open.addEventListener("click", () => showEvent(e.event_id).catch(report));
        td.appendChild(open);
      } else {
        td.textContent = cell(e);
      }
      tr.appendChild(td);
    });
    body.appendChild(tr);
  }
  const shown = page.events.length;
  document.getElementById("page-info").textContent = shown ? `rows ${offset + 1}–${offset + shown}` : "no events in view";
  document.getElementById("page-prev").disabled = offset === 0;
  document.getElementById("page-next").disabled = !page.has_more;
  document.getElementById("table-view").dataset.sort = sort;
}

function pager() {
  document.getElementById("page-prev").addEventListener("click", () => {
    state.table.offset = Math.max(0, state.table.offset - PAGE_ROWS); loadTable().catch(report);
  });
  document.getElementById("page-next").addEventListener("click", () => {
    state.table.offset += PAGE_ROWS; loadTable().catch(report);
  });
}

// ---- the event panel: the whole record and its evidence

// The article text with each evidence span wrapped in <mark>; offsets are checked against the text.
function highlighted(text, spans) {
  const ranges = [];
  for (const s of spans) {
    let start = s.start, end = s.end;
    if (text.slice(start, end) !== s.text) { start = text.indexOf(s.text); end = start + s.text.length; }
    if (start >= 0) ranges.push([start, end]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const body = el("div", null, "text");
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    body.appendChild(document.createTextNode(text.slice(at, start)));
    body.appendChild(el("mark", text.slice(start, end), "evidence"));
    at = end;
  }
  body.appendChild(document.createTextNode(text.slice(at)));
  return body;
}

function articleBox(article, mentions) {
  const box = el("section", null, "article");
  box.appendChild(el("h4", article.title || article.article_id));
  const meta = el("div", null, "meta");
  if (/^https?:\/\//i.test(article.url || "")) {
    const link = el("a", article.url);
    link.href = article.url; link.rel = "noopener noreferrer"; link.target = "_blank";
    meta.appendChild(link);
  } else if (article.url) {
    meta.appendChild(el("span", article.url));  // not http(s): shown as text, never a link
  }
  const mine = mentions.filter((m) => m.article_uid === article.uid);
  const who = mine.map((m) => [m.source && `said by ${m.source}`, m.outlet, m.modality,
                               `confidence ${m.confidence.toFixed(2)}`].filter(Boolean).join(", "));
  meta.appendChild(el("div", [article.published || "", ...who].filter(Boolean).join(" · ")));
  box.appendChild(meta);
  box.appendChild(highlighted(article.text, mine.flatMap((m) => m.evidence)));
  return box;
}

function fatalities(e) {
  if (e.fatalities_min === null && e.fatalities_max === null) return "not reported";
  const lo = e.fatalities_min ?? e.fatalities_max, hi = e.fatalities_max ?? e.fatalities_min;
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

const PRECISION = { 1: "exact", 2: "near", 3: "approximate" };

// Every field of the record, one row each: the analyst reads the event as ACLED would list it.
function recordTable(d) {
  const e = d.event, hedged = d.mentions.filter((m) => m.hedged).length;
  const unique = (xs) => [...new Set(xs.filter(Boolean))].join(", ");
  const rows = [
    ["event", e.event_id],
    ["type", `${e.event_type} · ${e.sub_event_type}`],
    ["dates", `${e.date_start || "?"}${e.date_end && e.date_end !== e.date_start ? " – " + e.date_end : ""}` +
              (d.time_precision ? ` (precision ${d.time_precision}: ${["", "day", "week", "month"][d.time_precision] || "?"})` : "")],
    ["date from", unique(d.mentions.map((m) => m.date_basis)) || "not said"],
    ["place", [e.location, d.admin1, e.country].filter(Boolean).join(", ") +
              (d.geo_precision ? ` (precision ${d.geo_precision}: ${PRECISION[d.geo_precision] || "?"})` : "")],
    ["position", e.latitude === null ? "none" : `${e.latitude}, ${e.longitude}`],
    ["actor 1", [e.actor1 || "unknown", d.actor1_type && `type ${d.actor1_type}`].filter(Boolean).join(" · ")],
    ["actor 2", [e.actor2 || "none", d.actor2_type && `type ${d.actor2_type}`].filter(Boolean).join(" · ")],
    ["associated", d.assoc_actors.join(", ") || "none"],
    ["fatalities", fatalities(e)],
    ["said by", d.source || "no one named"],
    ["sources", `${e.source_count}: ${d.sources.join(", ") || "none named"}`],
    ["reports", `${e.mention_count} in ${d.articles.length} article${d.articles.length === 1 ? "" : "s"}`],
    ["modality", unique(d.mentions.map((m) => m.modality)) || "?"],
    ["hedged", hedged ? `${hedged} of ${d.mentions.length} reports hedged` : "no"],
    ["confidence", d.confidence.toFixed(2)],
  ];
  const table = el("table", null, "record");
  for (const [name, value] of rows) {
    const tr = el("tr");
    tr.dataset.field = name;
    tr.append(el("th", name), el("td", value));
    table.appendChild(tr);
  }
  return table;
}

function scrollToFirstMark(panel) {  // the first highlighted sentence in the middle of the panel
  const first = panel.querySelector("mark.evidence");
  if (!first) return;
  const top = first.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop;
  panel.scrollTop = Math.max(0, top - panel.clientHeight / 3);
}

async function showEvent(id, push = true) {
  const d = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  const e = d.event, panel = document.getElementById("panel");
  panel.replaceChildren();
  delete panel.dataset.place;
  panel.appendChild(el("h3", `${e.sub_event_type} (${e.event_type})`));
  const when = e.date_start === e.date_end ? e.date_start : `${e.date_start} – ${e.date_end}`;
  const where = el("p", `${when || "undated"} · `);
  if (e.location) {
    const place = el("button", e.location, "linkish place-link");
    place.type = "button";
    place.addEventListener("click", () => showPlace(e.location).catch(report));
    where.appendChild(place);
  } else {
    where.appendChild(document.createTextNode("unplaced"));
  }
  if (e.country) where.appendChild(document.createTextNode(`, ${e.country}`));
  panel.appendChild(where);
  panel.appendChild(recordTable(d));
  for (const article of d.articles) panel.appendChild(articleBox(article, d.mentions));
  panel.dataset.eventId = id;
  if (push) writeUrl(true);
  showTab("panel");
  scrollToFirstMark(panel);
}

// The place panel: who held the place and when, as bars on a time axis, then each change with its evidence.
async function showPlace(name) {
  const d = await getJSON(`/api/places/${encodeURIComponent(name)}/control`);
  const panel = document.getElementById("panel");
  panel.replaceChildren(el("h3", `Control of ${d.place}`));
  delete panel.dataset.eventId;
  panel.dataset.place = d.place;
  showTab("panel");
  panel.scrollTop = 0;
  const found = (await getJSON("/api/places", { q: name, limit: "20" })).places.filter((p) => p.name === name);
  for (const p of found) {
    panel.appendChild(el("p", `${[p.admin1, p.country].filter(Boolean).join(", ") || "country unknown"} · ` +
                              `${p.events} event${p.events === 1 ? "" : "s"} from ${p.first} to ${p.last}`, "meta"));
  }
  if (!d.periods.length) { panel.appendChild(el("p", "No change of control reported here.", "hint")); return; }
  panel.appendChild(controlChart(d.periods));
  const list = el("ol", null, "control-list");
  for (const p of d.periods) {
    const item = el("li");
    item.appendChild(el("strong", p.controller || "no one named"));
    item.appendChild(el("span", ` from ${p.start}${p.end ? " to " + p.end : " (still held)"}` +
                                (p.partial ? ` · part${p.scope ? ": " + p.scope : ""}` : "") + (p.previous ? ` · took it from ${p.previous}` : "")));
    for (const ev of p.evidence) item.appendChild(el("blockquote", ev.text, "evidence-quote"));
    list.appendChild(item);
  }
  panel.appendChild(list);
}

function controlChart(periods) {
  const days = periods.flatMap((p) => [p.start, p.end]).filter(Boolean).map(Date.parse);
  const first = Math.min(...days), last = Math.max(...days, first + DAY_MS);
  const width = 400, row = 18, svg = svgEl("svg", { width: "100%", height: periods.length * row + 16,
                                                    viewBox: `0 0 ${width} ${periods.length * row + 16}`,
                                                    class: "control-chart" });
  const x = (ms) => 4 + ((ms - first) / (last - first)) * (width - 8);
  periods.forEach((p, i) => {
    const from = x(Date.parse(p.start)), to = p.end ? x(Date.parse(p.end)) : width - 4;
    const bar = svgEl("rect", { x: from, y: i * row, width: Math.max(3, to - from), height: row - 4, class: "period",
                                fill: holderColor(p.controller) });
    bar.appendChild(svgEl("title")).textContent = `${p.controller || "no one named"}: ${p.start} – ${p.end || "now"}`;
    svg.appendChild(bar);
    const late = from > width / 2;  // a label that would run off the right goes before its bar
    svg.appendChild(svgEl("text", { x: late ? from - 3 : from + 3, y: i * row + row - 8, class: "period-label",
                                    "text-anchor": late ? "end" : "start" })).textContent = p.controller || "no one named";
  });
  const axis = svgEl("text", { x: 4, y: periods.length * row + 12, class: "axis" });
  axis.textContent = `${isoDay(first)} – ${isoDay(last)}`;
  svg.appendChild(axis);
  return svg;
}

// ---- the control map: on a chosen day, who held each place with control evidence

function holderColor(name) {
  if (!name) return "#bbbbbb";
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)) >>> 0;
  return HOLDER_COLORS[h % HOLDER_COLORS.length];
}

function controlIcon(place) {
  const whole = place.holders.find((h) => !h.partial), main = whole || place.holders[0];
  const holder = main ? main.controller : null, color = place.state === "unknown" ? "#ffffff" : holderColor(holder);
  const icon = el("div", null, "control-icon"), square = el("div", null, `control-square ${place.state}`);
  square.style.background = place.state === "partial" || place.state === "contested"
    ? `repeating-linear-gradient(45deg, ${color} 0 4px, #ffffff 4px 7px)` : color;
  icon.append(square, el("span", `${place.name}: ${holder || (place.state === "unknown" ? "?" : "no one named")}`, "control-name"));
  const text = place.state === "unknown" ? `${place.name}: no holder known on this day`
    : `${place.name}: ${place.holders.map((h) => `${h.controller || "no one named"}${h.partial ? ` (part${h.scope ? ": " + h.scope : ""})` : ""} since ${h.start}`).join("; ")}`;
  return { icon, holder, text };
}

async function loadControl() {
  state.control.clearLayers();
  const legend = document.getElementById("control-legend");
  legend.replaceChildren();
  if (!state.controlDate) { document.body.dataset.controlDate = ""; return; }
  const d = await getJSON("/api/control", { date: state.controlDate });
  if (d.date !== state.controlDate) return;
  const holders = new Map();
  for (const place of d.places) {
    const { icon, holder, text } = controlIcon(place);
    const marker = L.marker([place.latitude, nearLng(place.longitude)], {
      icon: L.divIcon({ html: icon, className: "control-marker", iconSize: [18, 18], iconAnchor: [24, 24] }), keyboard: false,
      zIndexOffset: 1000,
    });
    marker.bindTooltip(() => el("span", text));
    const open = () => showPlace(place.name).catch(report);
    marker.on("click", open);
    marker.addTo(state.control);
    const node = marker.getElement();
    Object.assign(node.dataset, { place: place.name, holder: holder || "", state: place.state });
    keyboardOpen(node, text, open);
    if (holder) holders.set(holder, (holders.get(holder) || 0) + 1);
  }
  for (const [holder, n] of [...holders].sort((a, b) => b[1] - a[1])) {
    const item = el("li", `${holder}: ${n} place${n === 1 ? "" : "s"}`), dot = el("i");
    dot.style.background = holderColor(holder);
    item.prepend(dot);
    legend.appendChild(item);
  }
  if (!d.places.length) legend.appendChild(el("li", "No place has control evidence.", "hint"));
  document.body.dataset.controlDate = d.date;
}

function setControlDate(day, push = true) {
  state.controlDate = day || null;
  document.getElementById("control-date").value = day || "";
  if (push) writeUrl(true);
  return loadControl();
}

// ---- tabs: the side panel's views (and, on a phone, the map as one of them)

function showTab(name) {
  const phone = window.matchMedia("(max-width: 700px)").matches;
  if (name === "map" && !phone) return;
  state.tab = name;
  document.body.dataset.tab = name;
  for (const tab of document.querySelectorAll("#tabs [role=tab]")) {
    tab.setAttribute("aria-selected", String(tab.dataset.tab === name));
    tab.tabIndex = tab.dataset.tab === name ? 0 : -1;
  }
  for (const [id, tab] of [["panel", "panel"], ["table-view", "table"], ["control-view", "control"]]) {
    document.getElementById(id).hidden = name !== tab && !(name === "map" && tab === "panel");
  }
  if (name === "table") loadTable().catch(report);
  if (name === "map") state.map.invalidateSize();
}

function tabs() {
  const list = [...document.querySelectorAll("#tabs [role=tab]")];
  for (const tab of list) {
    tab.addEventListener("click", () => showTab(tab.dataset.tab));
    tab.addEventListener("keydown", (ev) => {  // arrows move between tabs, as in the ARIA tabs pattern
      const step = { ArrowRight: 1, ArrowLeft: -1 }[ev.key];
      if (!step) return;
      const shown = list.filter((t) => t.offsetParent !== null), at = shown.indexOf(tab);
      const next = shown[(at + step + shown.length) % shown.length];
      next.focus(); showTab(next.dataset.tab);
    });
  }
  const phone = window.matchMedia("(max-width: 700px)");
  const settle = () => {  // a phone opens on the map with the filters folded away
    document.getElementById("filter-box").open = !phone.matches;
    showTab(phone.matches ? "map" : state.tab === "map" ? "panel" : state.tab);
  };
  phone.addEventListener("change", settle);
  settle();
}

// ---- the first view and the URL

// The first view: every event that matches the form's filters, from the clusters of the whole world.
async function fitEvents() {
  const page = await getJSON("/api/clusters", { ...formFilters(), zoom: "2" });
  if (!page.clusters.length) { state.map.setView([20, 0], 2); return; }
  // the shorter way round: events on both sides of the date line are framed across it, not across the world
  const boxes = page.clusters.map((c) => c.extent);
  const east = boxes.map(([w, s, e, n]) => (e < 0 ? [w + 360, s, e + 360, n] : [w, s, e, n]));
  const width = (bs) => Math.max(...bs.map((b) => b[2])) - Math.min(...bs.map((b) => b[0]));
  const bounds = L.latLngBounds([]);
  for (const [w, s, e, n] of width(east) < width(boxes) ? east : boxes) bounds.extend([[s, w], [n, e]]);
  state.map.fitBounds(bounds.pad(0.1), { maxZoom: 8, animate: false });
}

// The URL carries the filters, the hidden types, the brushed range (from, to), the view (map=zoom/lat/lon),
// the open event, the control map's day and the marker size option.
const FIELDS = ["since", "until", "type", "sub_type", "country", "admin1", "actor", "actor_type", "fatalities",
                "source", "q"];

function downloadLinks() {  // the export links carry the filters and the brushed range of the view
  for (const [id, format] of [["download-csv", "acled-csv"], ["download-geojson", "geojson"]]) {
    const url = new URL("/api/export", window.location.origin);
    for (const [k, v] of Object.entries({ format, ...filters() })) url.searchParams.set(k, v);
    document.getElementById(id).href = url.pathname + url.search;
  }
}

function writeUrl(push) {
  downloadLinks();
  const url = new URL(window.location.href), c = state.map.getCenter();
  url.search = "";
  for (const [k, v] of Object.entries(formFilters())) url.searchParams.set(k, v);
  if (state.since) { url.searchParams.set("from", state.since); url.searchParams.set("to", state.until); }
  url.searchParams.set("map", `${state.map.getZoom()}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}`);
  const shown = document.getElementById("panel").dataset.eventId;
  if (shown) url.searchParams.set("event", shown);
  if (state.controlDate) url.searchParams.set("control", state.controlDate);
  if (sizeByDeaths()) url.searchParams.set("size", "deaths");
  if (url.href !== window.location.href) history[push ? "pushState" : "replaceState"](null, "", url);
}

function applyUrl() {  // the form, range and view from the URL; true when it names a view
  const params = new URLSearchParams(window.location.search), form = document.getElementById("filters");
  for (const name of FIELDS) {
    const field = form.elements[name], value = params.get(name) || "";
    if (field.tagName === "SELECT") ensureOption(field, value);
    field.value = value;
  }
  state.hidden = new Set((params.get("hide") || "").split(",").filter(Boolean));
  state.since = params.get("from"); state.until = params.get("to");
  if (!state.since || !state.until) state.since = state.until = null;
  state.controlDate = params.get("control");
  document.getElementById("control-date").value = state.controlDate || "";
  document.getElementById("size-by-deaths").checked = params.get("size") === "deaths";
  const view = (params.get("map") || "").split("/").map(Number);
  if (view.length === 3 && view.every(Number.isFinite)) { state.map.setView([view[1], view[2]], view[0], { animate: false }); }
  return { view: view.length === 3 && view.every(Number.isFinite), event: params.get("event") };
}

function controls() {  // the listeners of the page's own controls
  const form = document.getElementById("filters");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault(); state.since = state.until = null; writeUrl(true); refresh().catch(report);
  });
  // (an id or name "reset" on a control would shadow the form's own reset(): test_web_api checks the markup)
  document.getElementById("reset-filters").addEventListener("click", () => {
    form.reset(); state.since = state.until = null; state.hidden.clear(); writeUrl(true); refresh().catch(report);
  });
  document.getElementById("size-by-deaths").addEventListener("change", () => { writeUrl(true); loadMarkers().catch(report); });
  for (const id of ["timeline-bin", "timeline-measure"]) {
    document.getElementById(id).addEventListener("change", () => renderTimeline(state.counts));
  }
  document.getElementById("control-date").addEventListener("change", (ev) => setControlDate(ev.target.value).catch(report));
  document.getElementById("control-clear").addEventListener("click", () => setControlDate(null).catch(report));
  window.addEventListener("popstate", () => {
    const back = applyUrl();
    refresh().catch(report);
    loadControl().catch(report);
    if (back.event) showEvent(back.event, false).catch(report);
  });
  brushable(document.getElementById("timeline"));
  suggestActors();
  pager();
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape" && state.since) setRange(null, null); });
}

async function start() {
  state.started = performance.now();
  state.map = L.map("map", { worldCopyJump: false, minZoom: 2, maxZoom: 12 });
  state.map.createPane("labels").style.zIndex = "450";  // above the borders, below the markers
  const wanted = applyUrl();
  tabs();
  const facets = loadFacets();
  if (!wanted.view) await fitEvents();
  state.layer = L.layerGroup().addTo(state.map);
  state.labels = L.layerGroup().addTo(state.map);
  state.control = L.layerGroup().addTo(state.map);
  const borders = getJSON("/static/countries.geojson").then((countries) => {
    L.geoJSON(countries, { style: () => ({ className: "country", color: "#888", weight: 0.6, fillColor: "#f7f5ef",
                                           fillOpacity: 1 }), interactive: false }).addTo(state.map).bringToBack();
  });
  state.map.on("moveend", () => { writeUrl(false); loadMarkers().catch(report); loadLabels().catch(report); });
  controls();
  loadLabels().catch(report);
  await Promise.all([refresh(), borders, facets, loadControl()]);
  if (wanted.event) await showEvent(wanted.event, false).catch(report);
  writeUrl(false);
  // navigation start -> borders and markers drawn, read by the browser test and the benchmark
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = "1";
}

function report(error) { document.getElementById("status").textContent = `error: ${error.message}`; }

window.addEventListener("DOMContentLoaded", () => start().catch(report));
