// eventscope page: map + timeline + evidence panel. Every piece of data goes into the page
// through textContent or DOM attributes set by code, never as markup.
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
const DAY_MS = 86400000;
const state = { map: null, layer: null, since: null, until: null, seq: 0, timeline: null, started: 0 };

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

function formFilters() {
  const form = new FormData(document.getElementById("filters"));
  const out = {};
  for (const [k, v] of form.entries()) if (v) out[k] = String(v);
  return out;
}

function filters() {  // the form's filters narrowed to the range brushed on the timeline
  const out = formFilters();
  if (state.since) { out.since = state.since; out.until = state.until; }
  return out;
}

function bbox() {
  const b = state.map.getBounds();
  const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
  return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
          clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].map((x) => x.toFixed(4)).join(",");
}

function mainType(types) {
  return Object.entries(types).sort((a, b) => b[1] - a[1])[0][0];
}

function eventMarker(c) {
  const marker = L.circleMarker([c.latitude, c.longitude], {
    radius: 7, color: "#333", weight: 1, fillColor: COLORS[mainType(c.types)] || OTHER, fillOpacity: 0.85,
    className: "event-marker",
  });
  marker.bindTooltip(() => el("span", `${mainType(c.types)}${c.fatalities ? ` · ${c.fatalities} killed` : ""} — click to read`));
  marker.on("click", () => showEvent(c.event_id).catch(report));
  marker.addTo(state.layer);
  marker.getElement().dataset.eventId = c.event_id;
}

// A cluster: a disc sized by its count, its ring split by event type (a conic gradient set from code).
function clusterMarker(c) {
  const entries = Object.entries(c.types).sort((a, b) => b[1] - a[1]);
  const size = Math.round(26 + 8 * Math.log10(c.count));
  const icon = el("div", c.count, "cluster");
  let at = 0;
  const stops = entries.map(([type, n]) => {
    const from = at; at += (360 * n) / c.count;
    return `${COLORS[type] || OTHER} ${from}deg ${at}deg`;
  });
  icon.style.background = `conic-gradient(${stops.join(", ")})`;
  icon.style.width = icon.style.height = icon.style.lineHeight = `${size}px`;
  const marker = L.marker([c.latitude, c.longitude], {
    icon: L.divIcon({ html: icon, className: "cluster-marker", iconSize: [size, size] }),
    keyboard: false,
  });
  marker.bindTooltip(() => el("span", entries.map(([t, n]) => `${t}: ${n}`).join(" · ") +
                                      (c.fatalities ? ` · ${c.fatalities} killed` : "")));
  marker.on("click", () => openCluster(c).catch(report));
  marker.addTo(state.layer);
  marker.getElement().dataset.count = String(c.count);
}

async function loadMarkers() {
  const seq = ++state.seq;
  const page = await getJSON("/api/clusters", { ...filters(), bbox: bbox(), zoom: String(state.map.getZoom()) });
  if (seq !== state.seq) return false;  // a newer request is on its way
  state.layer.clearLayers();
  for (const c of page.clusters) (c.count === 1 ? eventMarker : clusterMarker)(c);
  const range = state.since ? ` · ${state.since} – ${state.until}` : "";
  document.getElementById("status").textContent = `${page.total} event${page.total === 1 ? "" : "s"} in view${range}`;
  document.body.dataset.eventsInView = String(page.total);
  document.body.dataset.bbox = bbox();
  document.body.dataset.since = state.since || "";
  return true;
}

// A cluster whose events are spread out zooms in on them; one whose events share a spot lists them.
async function openCluster(c) {
  const [west, south, east, north] = c.extent;
  const bounds = L.latLngBounds([south, west], [north, east]);
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
}

// The timeline: events per bin of days on a time axis; drag to brush a range, click a bar for its days.
function renderTimeline(counts) {
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const byDay = new Map();
  for (const c of counts) byDay.set(c.day, (byDay.get(c.day) || 0) + c.count);
  const days = [...byDay.keys()].sort();
  if (!days.length) { state.timeline = null; return; }
  const first = Date.parse(days[0]), span = (Date.parse(days[days.length - 1]) - first) / DAY_MS + 1;
  const width = svg.clientWidth || 800, height = 80;
  const binDays = Math.max(1, Math.ceil(span / Math.floor(width / 4))), bins = Math.ceil(span / binDays);
  const totals = new Array(bins).fill(0);
  for (const [day, n] of byDay) totals[Math.floor((Date.parse(day) - first) / DAY_MS / binDays)] += n;
  const max = Math.max(1, ...totals), w = width / bins;
  state.timeline = { first, binDays, bins, w, width };
  totals.forEach((n, i) => {
    if (!n) return;
    const h = Math.max(2, (n / max) * (height - 16));
    const bar = svgEl("rect", { x: i * w, width: Math.max(1, w - 1), y: height - h, height: h, class: "bar" });
    const [from, to] = binRange(i, i);
    bar.appendChild(svgEl("title")).textContent = `${from === to ? from : from + " – " + to}: ${n}`;
    bar.dataset.from = from; bar.dataset.to = to;
    svg.appendChild(bar);
  });
  svg.appendChild(svgEl("rect", { class: "brush", x: 0, y: 0, width: 0, height }));
  const label = svgEl("text", { x: 4, y: 12, class: "axis" });
  label.textContent = `${days[0]} – ${days[days.length - 1]}${binDays > 1 ? ` (bars of ${binDays} days)` : ""}`;
  svg.appendChild(label);
  drawBrush();
}

function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }

function binRange(a, b) {  // the first and last day of bins a..b
  const t = state.timeline;
  return [isoDay(t.first + a * t.binDays * DAY_MS), isoDay(t.first + ((b + 1) * t.binDays - 1) * DAY_MS)];
}

function binAt(x) {
  const t = state.timeline;
  return Math.min(t.bins - 1, Math.max(0, Math.floor(x / t.w)));
}

function drawBrush(x0, x1) {
  const svg = document.getElementById("timeline"), brush = svg.querySelector("rect.brush"), t = state.timeline;
  if (!brush || !t) return;
  let from = x0, to = x1;
  if (from === undefined && state.since) {
    from = ((Date.parse(state.since) - t.first) / DAY_MS / t.binDays) * t.w;
    to = ((Date.parse(state.until) - t.first) / DAY_MS / t.binDays + 1 / t.binDays) * t.w;
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

function fillTypes(counts) {
  const select = document.querySelector("select[name=type]");
  const have = new Set([...select.options].map((o) => o.value));
  for (const t of [...new Set(counts.map((c) => c.event_type))].sort()) {
    if (!have.has(t)) select.appendChild(el("option", t)).value = t;
  }
  const legend = document.getElementById("legend");
  legend.replaceChildren();
  for (const [type, color] of Object.entries(COLORS)) {
    const item = el("span", type), dot = el("i");
    dot.style.background = color;
    item.prepend(dot);
    legend.appendChild(item);
  }
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
  const counts = (await getJSON("/api/counts", formFilters())).counts;
  renderTimeline(counts);
  fillTypes(counts);
  return loadMarkers();
}

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
  const rows = [
    ["dates", `${e.date_start || "?"}${e.date_end && e.date_end !== e.date_start ? " – " + e.date_end : ""}` +
              (d.time_precision ? ` (precision ${d.time_precision}: ${["", "day", "week", "month"][d.time_precision] || "?"})` : "")],
    ["place", [e.location, d.admin1, e.country].filter(Boolean).join(", ") +
              (d.geo_precision ? ` (precision ${d.geo_precision}: ${PRECISION[d.geo_precision] || "?"})` : "")],
    ["position", e.latitude === null ? "none" : `${e.latitude}, ${e.longitude}`],
    ["actor 1", [e.actor1 || "unknown", d.actor1_type && `type ${d.actor1_type}`].filter(Boolean).join(" · ")],
    ["actor 2", [e.actor2 || "none", d.actor2_type && `type ${d.actor2_type}`].filter(Boolean).join(" · ")],
    ["associated", d.assoc_actors.join(", ") || "none"],
    ["fatalities", fatalities(e)],
    ["said by", d.source || "no one named"],
    ["sources", `${e.source_count}: ${d.sources.join(", ") || "none named"}`],
    ["reports", `${e.mention_count} (${[...new Set(d.mentions.map((m) => m.modality))].join(", ") || "?"}` +
                `${hedged ? `; ${hedged} hedged` : ""})`],
    ["confidence", d.confidence.toFixed(2)],
  ];
  const table = el("table", null, "record");
  for (const [name, value] of rows) {
    const tr = el("tr");
    tr.append(el("th", name), el("td", value));
    table.appendChild(tr);
  }
  return table;
}

async function showEvent(id, push = true) {
  const d = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  const e = d.event, panel = document.getElementById("panel");
  panel.replaceChildren();
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
  const first = panel.querySelector("mark.evidence");  // the first highlighted sentence, in view in the panel
  if (first) first.scrollIntoView({ block: "center" });
}

// The place panel: who held the place and when, as bars on a time axis, then each change with its evidence.
async function showPlace(name) {
  const d = await getJSON(`/api/places/${encodeURIComponent(name)}/control`);
  const panel = document.getElementById("panel");
  panel.replaceChildren(el("h3", `Control of ${d.place}`));
  delete panel.dataset.eventId;
  panel.dataset.place = d.place;
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
    const bar = svgEl("rect", { x: from, y: i * row, width: Math.max(3, to - from), height: row - 4, class: "period" });
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

// The first view: every event that matches the form's filters, from the clusters of the whole world.
async function fitEvents() {
  const page = await getJSON("/api/clusters", { ...formFilters(), zoom: "2" });
  if (!page.clusters.length) { state.map.setView([20, 0], 2); return; }
  const bounds = L.latLngBounds([]);
  for (const c of page.clusters) bounds.extend([[c.extent[1], c.extent[0]], [c.extent[3], c.extent[2]]]);
  state.map.fitBounds(bounds.pad(0.1), { maxZoom: 8, animate: false });
}

// The URL carries the filters, the brushed range (from, to), the view (map=zoom/lat/lon) and the open event.
const FIELDS = ["since", "until", "type", "actor", "q"];

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
  if (url.href !== window.location.href) history[push ? "pushState" : "replaceState"](null, "", url);
}

function applyUrl() {  // the form, range and view from the URL; true when it names a view
  const params = new URLSearchParams(window.location.search), form = document.getElementById("filters");
  const select = form.querySelector("select[name=type]"), type = params.get("type") || "";
  if (type && ![...select.options].some((o) => o.value === type)) select.appendChild(el("option", type)).value = type;
  for (const name of FIELDS) form.elements[name].value = params.get(name) || "";
  state.since = params.get("from"); state.until = params.get("to");
  if (!state.since || !state.until) state.since = state.until = null;
  const view = (params.get("map") || "").split("/").map(Number);
  if (view.length === 3 && view.every(Number.isFinite)) { state.map.setView([view[1], view[2]], view[0], { animate: false }); }
  return { view: view.length === 3 && view.every(Number.isFinite), event: params.get("event") };
}

async function start() {
  state.started = performance.now();
  state.map = L.map("map", { worldCopyJump: false, minZoom: 2, maxZoom: 12 });
  const wanted = applyUrl();
  if (!wanted.view) await fitEvents();
  state.layer = L.layerGroup().addTo(state.map);
  const borders = getJSON("/static/countries.geojson").then((countries) => {
    L.geoJSON(countries, { style: () => ({ className: "country", color: "#888", weight: 0.6, fillColor: "#f7f5ef",
                                           fillOpacity: 1 }), interactive: false }).addTo(state.map).bringToBack();
  });
  state.map.on("moveend", () => { writeUrl(false); loadMarkers().catch(report); });
  document.getElementById("filters").addEventListener("submit", (ev) => {
    ev.preventDefault(); state.since = state.until = null; writeUrl(true); refresh().catch(report);
  });
  window.addEventListener("popstate", () => {
    const back = applyUrl();
    refresh().catch(report);
    if (back.event) showEvent(back.event, false).catch(report);
  });
  // (an id or name "reset" on a control would shadow the form's own reset(): test_web_api checks the markup)
  document.getElementById("reset-filters").addEventListener("click", () => {
    document.getElementById("filters").reset(); state.since = state.until = null; writeUrl(true); refresh().catch(report);
  });
  brushable(document.getElementById("timeline"));
  suggestActors();
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape" && state.since) setRange(null, null); });
  await Promise.all([refresh(), borders]);
  if (wanted.event) await showEvent(wanted.event, false).catch(report);
  writeUrl(false);
  // navigation start -> borders and markers drawn, read by the browser test and the benchmark
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = "1";
}

function report(error) { document.getElementById("status").textContent = `error: ${error.message}`; }

window.addEventListener("DOMContentLoaded", () => start().catch(report));
