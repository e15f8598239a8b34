// The operator's console (ADMIN_IDS only — the server refuses anyone else with 403 on every
// call, whatever this page shows): Catalog, Attention, Panels, Stats, Audit.
import { useEffect, useRef, useState } from "preact/hooks";

const SECTIONS = ["catalog", "attention", "panels", "stats", "audit", "settings", "shops"];
const PANEL_SETTINGS = ["PANEL_API_URL", "PANEL_API_KEY"];
const FILTERS = ["", "hidden", "paused", "vanished", "low_margin", "featured"];
const ACTIONS = ["hide", "show", "pause", "resume", "feature", "unfeature", "rename", "markup", "price"];
const NEEDS_VALUE = new Set(["rename", "markup", "price"]);

function Refusal({ s, error }) {
  return <div class="notice bad" id="console-forbidden" data-status={error.status}>{(error.body && error.body.message) || s["app-console-forbidden"]}</div>;
}

function Chart({ data }) {
  // A small line per panel: cost over time, scaled to the box.
  const points = data.lines.flatMap((l) => l.points);
  if (!points.length) return <div class="hint" id="history-empty">—</div>;
  const costs = points.map((p) => Number(p.cost));
  const times = points.map((p) => p.at);
  const [lo, hi] = [Math.min(...costs), Math.max(...costs)];
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const x = (t) => (t1 === t0 ? 150 : 10 + ((t - t0) / (t1 - t0)) * 280);
  const y = (c) => (hi === lo ? 50 : 90 - ((c - lo) / (hi - lo)) * 80);
  return (
    <svg id="history-chart" viewBox="0 0 300 100" width="100%" height="120" role="img">
      {data.lines.map((l) => (
        <polyline fill="none" stroke="currentColor" stroke-width="2"
          points={l.points.map((p) => `${x(p.at)},${y(Number(p.cost))}`).join(" ")} />
      ))}
      {points.map((p) => <circle cx={x(p.at)} cy={y(Number(p.cost))} r="3"><title>{p.cost}</title></circle>)}
    </svg>
  );
}

const COLUMNS = ["id", "name", "category", "panel", "cost", "price", "margin", "status", "completed", "orders"];
const OUTCOMES = [["completed", "#3a9d5d"], ["partial", "#d9a400"], ["canceled", "#c0392b"], ["rejected", "#888"]];

// Orders per day by outcome, as stacked bars (the last 30 days with any order ended).
function Timeline({ s, days }) {
  if (!days.length) return <div class="hint" id="timeline-empty">{s["app-console-timeline"]}: —</div>;
  const most = Math.max(...days.map((d) => OUTCOMES.reduce((n, [k]) => n + d[k], 0)));
  return (
    <div id="console-timeline">
      <b>{s["app-console-timeline"]}</b>
      <div class="timeline">
        {days.map((d) => (
          <div class="day" title={`${d.day}: ${OUTCOMES.map(([k]) => `${k} ${d[k]}`).join(", ")}`} data-day={d.day}>
            {OUTCOMES.map(([k, color]) => d[k] > 0 && <div class="bar" data-outcome={k} style={{ height: `${(d[k] / most) * 60}px`, background: color }} />)}
          </div>
        ))}
      </div>
    </div>
  );
}

function Catalog({ s, api }) {
  const [query, setQuery] = useState("");
  const [filter, setFilter] = useState("");
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [selected, setSelected] = useState(new Set());
  const [action, setAction] = useState("hide");
  const [value, setValue] = useState("");
  const [message, setMessage] = useState(null);
  const [history, setHistory] = useState(null);
  const [sort, setSort] = useState({ column: "", desc: false });
  const latest = useRef(0);

  const load = async (offset = 0) => {
    const ask = ++latest.current;
    try {
      const params = { q: query, filter, offset, sort: sort.column, desc: sort.desc ? "1" : "" };
      const data = await api(`admin/catalog?${new URLSearchParams(params)}`);
      if (ask !== latest.current) return;
      setResult(offset && result ? { ...data, items: [...result.items, ...data.items] } : data);
    } catch (e) { setError(e); }
  };
  useEffect(() => {
    const timer = setTimeout(() => load(0), query ? 120 : 0);
    return () => clearTimeout(timer);
  }, [query, filter, sort]);

  if (error) return <Refusal s={s} error={error} />;
  if (!result) return <div class="loading">{s["app-loading"]}</div>;
  const toggle = (id) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id); else next.add(id);
    setSelected(next);
  };
  const apply = async (ids) => {
    setMessage(null);
    try {
      await api("admin/catalog", { ids, action, value });
      setMessage({ text: s["app-console-done"] });
      setSelected(new Set());
      load(0);
    } catch (e) { setMessage({ text: (e.body && (e.body.message || e.body.error)) || e.message, bad: true }); }
  };
  const showHistory = async (id) => setHistory(await api(`admin/catalog/${id}/history`));
  return (
    <div id="console-catalog">
      <input id="console-search" type="search" placeholder={s["app-console-search"]} value={query}
        onInput={(e) => setQuery(e.currentTarget.value)} />
      <div class="filters">
        <select id="console-filter" value={filter} onChange={(e) => setFilter(e.currentTarget.value)}>
          {FILTERS.map((f) => <option value={f}>{s[`app-console-filter-${f || "all"}`]}</option>)}
        </select>
        <div class="hint" id="console-count">{s["app-console-shown"]} {result.total} / {result.all}</div>
      </div>
      <div class="toolbar">
        <span class="hint" id="console-selected">{s["app-console-selected"]} {selected.size}</span>
        <select id="console-action" value={action} onChange={(e) => setAction(e.currentTarget.value)}>
          {ACTIONS.map((a) => <option value={a}>{s[`app-console-${a}`]}</option>)}
        </select>
        {NEEDS_VALUE.has(action) && <input id="console-value" placeholder={s["app-console-value"]} value={value}
          onInput={(e) => setValue(e.currentTarget.value)} />}
        <button class="primary" id="console-apply" disabled={!selected.size} onClick={() => apply([...selected])}>{s["app-console-apply"]}</button>
      </div>
      {message && <div class={`notice ${message.bad ? "bad" : ""}`} id="console-message">{message.text}</div>}
      {history && (
        <div class="card" id="console-history">
          <b>{s["app-console-history"]} · #{history.id}</b>
          <Chart data={history} />
          {(history.panels || []).length > 0 && (
            <div id="console-records">
              <b>{s["app-console-record"]}</b>
              {history.panels.map((p) => <div class="panel-record" data-panel={p.panel}><b>{p.panel}</b>: {p.record}</div>)}
            </div>
          )}
          <Timeline s={s} days={history.timeline || []} />
          <button onClick={() => setHistory(null)}>{s["app-back"]}</button>
        </div>
      )}
      <div class="table-wrap">
        <table class="console-table" id="console-table">
          <thead><tr>
            <th />
            {COLUMNS.map((c) => (
              <th data-column={c} aria-sort={sort.column === c ? (sort.desc ? "descending" : "ascending") : "none"}>
                <button class="sort" id={`sort-${c}`} onClick={() => setSort({ column: c, desc: sort.column === c ? !sort.desc : false })}>
                  {s[`app-console-col-${c}`]}{sort.column === c ? (sort.desc ? " ▼" : " ▲") : ""}
                </button>
              </th>
            ))}
          </tr></thead>
          <tbody>
            {result.items.map((row) => (
              <tr data-id={row.id} data-status={row.status} class={row.low_margin ? "low" : ""}>
                <td><input type="checkbox" class="pick" checked={selected.has(row.id)} onChange={() => toggle(row.id)} /></td>
                <td>{row.id}</td>
                <td class="name">
                  <button class="small history" title={s["app-console-history"]} onClick={() => showHistory(row.id)}>📈</button>{" "}
                  {row.featured ? "⭐ " : ""}{row.name}{row.name !== row.panel_name && <div class="hint">{row.panel_name}</div>}
                </td>
                <td data-label={s["app-console-col-category"]}>{row.category}</td>
                <td data-label={s["app-console-col-panel"]}>{row.panel}</td>
                <td class="num" data-label={s["app-console-col-cost"]}>{row.cost}</td>
                <td class="num" data-label={s["app-console-col-price"]}>{row.price}{row.hand_price ? " ✋" : ""}</td>
                <td class="num" data-label={s["app-console-col-margin"]}><bdi dir="ltr" class="margin">{row.margin}%</bdi></td>
                <td class="status">{s[`app-console-status-${row.status}`]}</td>
                <td class="num record" data-label={s["app-console-col-completed"]} data-verdict={row.verdict}>{row.completed == null ? "—" : <bdi dir="ltr">{`${row.verdict === "reliable" ? "✅ " : row.verdict === "bad" ? "⚠️ " : ""}${row.completed}%`}</bdi>}</td>
                <td class="num" data-label={s["app-console-col-orders"]}>{row.orders ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.items.length < result.total && <button class="more" onClick={() => load(result.items.length)}>…</button>}
    </div>
  );
}

function Attention({ s, api }) {
  const [items, setItems] = useState(null);
  const [error, setError] = useState(null);
  const [message, setMessage] = useState(null);
  const [ids, setIds] = useState({});
  const load = () => api("admin/attention").then((d) => setItems(d.items)).catch(setError);
  useEffect(() => { load(); }, []);
  const act = async (order, action) => {
    try {
      await api(`admin/attention/${order}/${action}`, action === "attach" ? { panel_order_id: ids[order] || "" } : {});
      setMessage({ text: s["app-console-done"] });
    } catch (e) { setMessage({ text: (e.body && (e.body.message || e.body.error)) || e.message, bad: true }); }
    load();
  };
  if (error) return <Refusal s={s} error={error} />;
  if (!items) return <div class="loading">{s["app-loading"]}</div>;
  return (
    <div id="console-attention" class="list">
      {message && <div class={`notice ${message.bad ? "bad" : ""}`}>{message.text}</div>}
      {!items.length && <div class="hint">{s["app-console-nothing"]}</div>}
      {items.map((o) => (
        <div class="card" data-id={o.id}>
          <div><b>#{o.id}</b> {o.service} · {o.status}</div>
          <div class="hint">{o.link} · {o.charge} · {o.panel} · {o.user}</div>
          {o.error && <div class="hint">{o.error}</div>}
          {o.resolvable && (
            <div class="row">
              <button onClick={() => act(o.id, "refund")}>{s["app-console-refund"]}</button>
              <input placeholder={s["app-console-panel-order"]} value={ids[o.id] || ""} onInput={(e) => setIds({ ...ids, [o.id]: e.currentTarget.value })} />
              <button onClick={() => act(o.id, "attach")}>{s["app-console-attach"]}</button>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

function Panels({ s, api }) {
  const [items, setItems] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => { api("admin/panels").then((d) => setItems(d.items)).catch(setError); }, []);
  if (error) return <Refusal s={s} error={error} />;
  if (!items) return <div class="loading">{s["app-loading"]}</div>;
  return (
    <div id="console-panels" class="list">
      {items.map((p) => (
        <div class={`card ${p.short ? "bad" : ""}`} data-panel={p.name}>
          <div><b>{p.name}</b> · {p.up ? `🟢 ${s["app-console-up"]}` : `🔴 ${s["app-console-down"]}`}</div>
          <div>{s["app-console-balance"]}: <b dir="ltr">{p.balance}</b> · {s["app-console-owed"]}: <span dir="ltr">{p.owed}</span> ({p.orders})</div>
          {p.last_error && <div class="hint">{p.last_error}</div>}
        </div>
      ))}
    </div>
  );
}

function Stats({ s, api, raw }) {
  const [data, setData] = useState(null);
  const [chart, setChart] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api("admin/stats?days=30").then(setData).catch(setError);
    raw("admin/stats/chart?days=30").then((blob) => setChart(URL.createObjectURL(blob))).catch(() => {});
  }, []);
  if (error) return <Refusal s={s} error={error} />;
  if (!data) return <div class="loading">{s["app-loading"]}</div>;
  const figures = [["orders", data.orders], ["revenue", data.revenue], ["cost", data.cost], ["profit", data.profit], ["new-users", data.new_users]];
  return (
    <div id="console-stats">
      <div class="figures">{figures.map(([k, v]) => <div class="card"><div class="hint">{s[`app-console-${k}`]}</div><b dir="ltr">{v}</b></div>)}</div>
      {chart && <img id="stats-chart" src={chart} alt="" />}
      <ol>{data.top.map((t) => <li>{t.name} — {t.orders}</li>)}</ol>
    </div>
  );
}

function Audit({ s, api }) {
  const [items, setItems] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => { api("admin/audit?limit=100").then((d) => setItems(d.items)).catch(setError); }, []);
  if (error) return <Refusal s={s} error={error} />;
  if (!items) return <div class="loading">{s["app-loading"]}</div>;
  return (
    <div class="table-wrap" id="console-audit">
      <table class="console-table">
        <tbody>
          {items.map((e) => (
            <tr><td dir="ltr">{new Date(e.at * 1000).toISOString().slice(0, 16).replace("T", " ")}</td><td>{e.actor}</td><td>{e.action}</td><td>{e.subject}</td><td dir="auto">{e.before ?? "—"} → {e.after ?? "—"}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SettingCard({ s, item, save }) {
  const [value, setValue] = useState("");
  return (
    <div class="card setting" data-name={item.name} data-source={item.source}>
      <div><b dir="ltr">{item.name}</b> · <span class="hint">{s[`settings-source-${item.source}`]}</span>{!item.editable && " 🔒"}</div>
      <div dir="ltr" class="value">{item.value}</div>
      {item.editable && (
        <div class="row">
          <input class="setting-value" type={item.secret ? "password" : "text"} dir="ltr" value={value} onInput={(e) => setValue(e.target.value)} />
          <button class="setting-save" onClick={() => save({ [item.name]: value })}>{s["app-console-settings-save"]}</button>
        </div>
      )}
    </div>
  );
}

function Settings({ s, api }) {
  const [items, setItems] = useState(null);
  const [error, setError] = useState(null);
  const [said, setSaid] = useState(null);
  const [panel, setPanel] = useState({ PANEL_API_URL: "", PANEL_API_KEY: "" });
  const load = () => api("admin/settings").then((d) => setItems(d.items)).catch(setError);
  useEffect(() => { load(); }, []);
  const save = (changes) => {
    setSaid({ busy: true, text: "⏳" });
    api("admin/settings", { changes })
      .then((d) => {
        setSaid({ ok: true, text: [d.checked, s["app-console-settings-saved"]].filter(Boolean).join(" ") });
        // The shop rebuilds itself with the change: read the settings again once it is back
        // (asked every second, for up to half a minute).
        const again = (left) => api("admin/settings").then((d) => setItems(d.items))
          .catch(() => { if (left > 0) setTimeout(() => again(left - 1), 1000); });
        setTimeout(() => again(30), 1000);
      })
      .catch((e) => setSaid({ ok: false, text: (e.body && e.body.message) || String(e.status) }));
  };
  if (error) return <Refusal s={s} error={error} />;
  if (!items) return <div class="loading">{s["app-loading"]}</div>;
  const panelEditable = items.filter((i) => PANEL_SETTINGS.includes(i.name)).every((i) => i.editable);
  return (
    <div id="console-settings" class="list">
      {said && <div id="settings-said" class={`notice ${said.ok ? "" : said.busy ? "" : "bad"}`} data-ok={said.busy ? "busy" : said.ok ? "1" : "0"}>{said.text}</div>}
      {panelEditable && (
        <div class="card" id="settings-panel">
          <div><b>{s["app-console-settings-panel"]}</b></div>
          <input id="settings-panel-url" dir="ltr" placeholder="https://panel.example/api/v2" value={panel.PANEL_API_URL} onInput={(e) => setPanel({ ...panel, PANEL_API_URL: e.target.value })} />
          <input id="settings-panel-key" dir="ltr" type="password" placeholder="API key" value={panel.PANEL_API_KEY} onInput={(e) => setPanel({ ...panel, PANEL_API_KEY: e.target.value })} />
          <button id="settings-panel-save" onClick={() => save(panel)}>{s["app-console-settings-check"]}</button>
        </div>
      )}
      {items.filter((i) => !(panelEditable && PANEL_SETTINGS.includes(i.name))).map((item) => <SettingCard key={item.name} s={s} item={item} save={save} />)}
    </div>
  );
}

function Shops({ s, api }) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const load = () => api("admin/shops").then(setData).catch(setError);
  useEffect(() => { load(); }, []);
  const act = (id, action) => api(`admin/shops/${id}/${action}`, {}).then(load).catch(setError);
  if (error) return <Refusal s={s} error={error} />;
  if (!data) return <div class="loading">{s["app-loading"]}</div>;
  return (
    <div id="console-shops" class="list">
      {!data.items.length && <div class="hint" id="console-shops-none">{s["app-console-shops-none"]}</div>}
      {data.items.map((c) => (
        <div class={`card ${c.state !== "running" ? "bad" : ""}`} data-shop={c.bot_id} data-state={c.state}>
          <div><b dir="ltr">@{c.username}</b> · {s[`app-console-shop-${c.state}`]}</div>
          <div class="hint" dir="ltr">{c.owner} · {c.wallet}</div>
          <div>{s["app-console-col-orders"]}: {c.orders ?? "—"} · {c.volume ?? "—"} · 👥 {c.customers ?? "—"}</div>
          <button class="shop-action" onClick={() => act(c.bot_id, c.state === "running" ? "suspend" : "resume")}>
            {s[c.state === "running" ? "app-console-shop-suspend" : "app-console-shop-resume"]}
          </button>
        </div>
      ))}
    </div>
  );
}

export function Console({ s, api, raw }) {
  const [section, setSection] = useState("catalog");
  const body = {
    catalog: <Catalog s={s} api={api} />,
    attention: <Attention s={s} api={api} />,
    panels: <Panels s={s} api={api} />,
    stats: <Stats s={s} api={api} raw={raw} />,
    audit: <Audit s={s} api={api} />,
    settings: <Settings s={s} api={api} />,
    shops: <Shops s={s} api={api} />,
  }[section];
  return (
    <div id="console">
      <nav class="sections">
        {SECTIONS.map((name) => (
          <button id={`console-${name}-tab`} class={section === name ? "on" : ""} onClick={() => setSection(name)}>{s[`app-console-${name}`]}</button>
        ))}
      </nav>
      {body}
    </div>
  );
}
