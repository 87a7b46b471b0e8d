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
const state = { map: null, layer: null, day: null, seq: 0 };

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
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

function filters() {  // the form's filters narrowed to the day picked on the timeline
  const out = formFilters();
  if (state.day) { out.since = state.day; out.until = state.day; }
  return out;
}

function bbox() {
  const b = state.map.getBounds();
  const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
  return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
          clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].map((x) => x.toFixed(4)).join(",");
}

async function loadEvents() {
  const seq = ++state.seq;
  const page = await getJSON("/api/events", { ...filters(), bbox: bbox(), limit: "1000" });
  if (seq !== state.seq) return;  // a newer request is on its way
  state.layer.clearLayers();
  for (const e of page.events) {
    if (e.latitude === null || e.longitude === null) continue;
    const marker = L.circleMarker([e.latitude, e.longitude], {
      radius: 7, color: "#333", weight: 1, fillColor: COLORS[e.event_type] || OTHER, fillOpacity: 0.85,
      className: "event-marker",
    });
    marker.bindTooltip(() => el("span", `${e.date_start || "?"} ${e.sub_event_type} — ${e.location || ""}`));
    marker.on("click", () => showEvent(e.event_id));
    marker.addTo(state.layer);
    marker.getElement().dataset.eventId = e.event_id;
  }
  const shown = page.events.length;
  document.getElementById("status").textContent =
    `${shown}${page.has_more ? "+" : ""} event${shown === 1 ? "" : "s"} in view` + (page.has_more ? ` (first ${shown})` : "");
  document.body.dataset.eventsInView = String(shown);
  document.body.dataset.bbox = bbox();
}

function renderTimeline(counts) {
  const svg = document.getElementById("timeline");
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  const byDay = new Map();
  for (const c of counts) byDay.set(c.day, (byDay.get(c.day) || 0) + c.count);
  const days = [...byDay.keys()].sort();
  const width = svg.clientWidth || 800, height = 80, ns = "http://www.w3.org/2000/svg";
  const max = Math.max(1, ...byDay.values()), w = Math.max(2, width / Math.max(1, days.length));
  days.forEach((day, i) => {
    const n = byDay.get(day), h = Math.max(2, (n / max) * (height - 16));
    const rect = document.createElementNS(ns, "rect");
    rect.setAttribute("x", String(i * w)); rect.setAttribute("width", String(Math.max(1, w - 1)));
    rect.setAttribute("y", String(height - h)); rect.setAttribute("height", String(h));
    rect.setAttribute("fill", "#4a78a8");
    rect.setAttribute("class", day === state.day ? "bar selected" : "bar");
    const title = document.createElementNS(ns, "title");
    title.textContent = `${day}: ${n}`;
    rect.appendChild(title);
    rect.addEventListener("click", () => { state.day = state.day === day ? null : day; refresh(); });
    svg.appendChild(rect);
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

async function refresh() {
  const counts = (await getJSON("/api/counts", formFilters())).counts;
  renderTimeline(counts);
  fillTypes(counts);
  await loadEvents();
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

async function showEvent(id) {
  const d = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  const e = d.event, panel = document.getElementById("panel");
  panel.replaceChildren();
  panel.appendChild(el("h3", `${e.sub_event_type} (${e.event_type})`));
  const when = e.date_start === e.date_end ? e.date_start : `${e.date_start} – ${e.date_end}`;
  panel.appendChild(el("p", `${when || "undated"} · ${e.location || "unplaced"}${e.country ? ", " + e.country : ""}`));
  panel.appendChild(el("p", [e.actor1, e.actor2].filter(Boolean).join(" vs ") || "actors unknown"));
  panel.appendChild(el("p", `confidence ${d.confidence.toFixed(2)} · ${e.mention_count} report(s) · ` +
                             `sources: ${d.sources.join(", ") || "none named"}`, "meta"));
  for (const article of d.articles) panel.appendChild(articleBox(article, d.mentions));
  panel.dataset.eventId = id;
}

async function start() {
  state.map = L.map("map", { worldCopyJump: false, minZoom: 2, maxZoom: 12 }).setView([34, 38], 5);
  const countries = await getJSON("/static/countries.geojson");
  L.geoJSON(countries, { style: () => ({ className: "country", color: "#888", weight: 0.6, fillColor: "#f7f5ef", fillOpacity: 1 }),
                         interactive: false }).addTo(state.map);
  state.layer = L.layerGroup().addTo(state.map);
  state.map.on("moveend", () => loadEvents().catch(report));
  document.getElementById("filters").addEventListener("submit", (ev) => { ev.preventDefault(); state.day = null; refresh().catch(report); });
  document.getElementById("reset").addEventListener("click", () => {
    document.getElementById("filters").reset(); state.day = null; refresh().catch(report);
  });
  await refresh();
  document.body.dataset.ready = "1";
}

function report(error) { document.getElementById("status").textContent = `error: ${error.message}`; }

window.addEventListener("DOMContentLoaded", () => start().catch(report));
