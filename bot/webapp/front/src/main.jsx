// The Mini App: a storefront over the bot's /app/api/. Telegram's SDK is bundled (no request
// leaves the bot's host); every call sends the raw init data, the server decides who we are.
import WebApp from "@twa-dev/sdk";
import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { Console } from "./console.jsx";

const initData = WebApp.initData || "";
// A child shop's page is this page with ?shop=<its bot id>: every call says which shop it is
// for (the server checks the init data against that shop's bot).
const shop = new URLSearchParams(location.search).get("shop");
const shopHeader = shop ? { "X-Shop": shop } : {};
const haptic = (kind) => { try { WebApp.HapticFeedback.impactOccurred(kind || "light"); } catch (e) { /* not in Telegram */ } };
const notify = (kind) => { try { WebApp.HapticFeedback.notificationOccurred(kind); } catch (e) { /* not in Telegram */ } };

class ApiError extends Error {
  constructor(status, body) { super(body.message || body.error || String(status)); this.status = status; this.body = body; }
}

// The console's chart is an image the page fetches with its init data (an <img> cannot send it).
async function raw(path) {
  const response = await fetch(`/app/api/${path}`, { headers: { "X-Telegram-Init-Data": initData, ...shopHeader } });
  if (!response.ok) throw new ApiError(response.status, {});
  return response.blob();
}

async function api(path, body) {
  const response = await fetch(`/app/api/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "X-Telegram-Init-Data": initData, "Content-Type": "application/json", ...shopHeader },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

// One token per form's content, shared by every tab through localStorage: the same form
// confirmed twice, or in two open tabs, is one order on the server (its token is unique).
const formKey = (serviceId, answers) =>
  `form:${serviceId}:${JSON.stringify(Object.keys(answers).sort().map((k) => [k, answers[k]]))}`;
// A range of numbers reads min–max in right-to-left text too (not "10000–50").
function Range({ min, max }) {
  return <bdi dir="ltr">{min}–{max}</bdi>;
}

function formToken(key) {
  let token = null;
  try { token = localStorage.getItem(key); } catch (e) { /* storage off: one token per screen */ }
  if (!token) {
    token = newToken();
    try { localStorage.setItem(key, token); } catch (e) { /* as above */ }
  }
  return token;
}
function forgetForm(key) { try { localStorage.removeItem(key); } catch (e) { /* as above */ } }

const newToken = () => Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, "0")).join("");

function useBackButton(onBack) {
  useEffect(() => {
    if (!onBack) { WebApp.BackButton.hide(); return undefined; }
    WebApp.BackButton.show();
    WebApp.BackButton.onClick(onBack);
    return () => WebApp.BackButton.offClick(onBack);
  }, [onBack]);
}

function Shop({ s, open }) {
  const [meta, setMeta] = useState({ categories: [], types: [], platforms: [] });
  const [query, setQuery] = useState("");
  const [filters, setFilters] = useState({ category: "", type: "", platform: "", max: "", reliable: "" });
  const [result, setResult] = useState({ items: [], total: 0, found: "" });
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);

  useEffect(() => { api("categories").then(setMeta).catch(() => {}); }, []);
  useEffect(() => {
    const ask = ++latest.current;
    const timer = setTimeout(async () => {
      setBusy(true);
      const params = new URLSearchParams({ q: query, ...filters });
      try {
        const data = await api(`services?${params}`);
        if (ask === latest.current) setResult(data);
      } finally { if (ask === latest.current) setBusy(false); }
    }, query ? 150 : 0);
    return () => clearTimeout(timer);
  }, [query, filters]);

  const more = async () => {
    const params = new URLSearchParams({ q: query, ...filters, offset: result.items.length });
    const data = await api(`services?${params}`);
    setResult({ ...data, items: [...result.items, ...data.items] });
  };
  const set = (name) => (e) => setFilters({ ...filters, [name]: e.currentTarget.value });
  return (
    <div>
      <input id="search" type="search" placeholder={s["app-search"]} value={query}
        onInput={(e) => setQuery(e.currentTarget.value)} />
      <div class="filters">
        <select id="category" value={filters.category} onChange={set("category")}>
          <option value="">{s["app-all-categories"]}</option>
          {meta.categories.map((c) => <option value={c.key}>{c.name} ({c.count})</option>)}
        </select>
        <select id="platform" value={filters.platform} onChange={set("platform")}>
          <option value="">{s["app-all-platforms"]}</option>
          {meta.platforms.map((p) => <option value={p}>{p}</option>)}
        </select>
        <select id="type" value={filters.type} onChange={set("type")}>
          <option value="">{s["app-all-types"]}</option>
          {meta.types.map((t) => <option value={t}>{t}</option>)}
        </select>
        <input id="max" inputmode="decimal" placeholder={s["app-max-price"]} value={filters.max} onInput={set("max")} />
        <label class="check" for="reliable">
          <input id="reliable" type="checkbox" checked={filters.reliable === "1"}
            onChange={(e) => setFilters({ ...filters, reliable: e.currentTarget.checked ? "1" : "" })} />
          {s["app-reliable-only"]}
        </label>
      </div>
      <div class="hint" id="found">{busy ? s["app-loading"] : result.found || (result.total === 0 ? s["app-nothing-found"] : "")}</div>
      <div class="list" id="services">
        {result.items.map((item) => (
          <button class="item service" data-id={item.id} onClick={() => { haptic(); open(item.id); }}>
            <div class="name">{item.reliable && <span class="badge" title={s["app-reliable-only"]}>✅ </span>}{item.name}</div>
            <div class="meta">{item.rate} {s["app-per-thousand"]} · <Range min={item.min} max={item.max} /></div>
          </button>
        ))}
      </div>
      {result.items.length < result.total && <button class="more" onClick={more}>…</button>}
    </div>
  );
}

function Field({ field, value, error, onChange }) {
  const id = `field-${field.name}`;
  let input;
  if (field.choices.length) {
    input = (
      <select id={id} name={field.name} value={value || ""} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">—</option>
        {field.choices.map((c) => <option value={c.value}>{c.label}</option>)}
      </select>
    );
  } else if (field.lines) {
    input = <textarea id={id} name={field.name} value={value || ""} onInput={(e) => onChange(e.currentTarget.value)} />;
  } else {
    input = <input id={id} name={field.name} value={value || ""} onInput={(e) => onChange(e.currentTarget.value)} />;
  }
  return (
    <div class="field">
      <label for={id}>{field.label}</label>
      {input}
      <div class="hint">{field.hint}</div>
      {error && <div class="error" data-for={field.name}>{error}</div>}
    </div>
  );
}

function ServiceScreen({ s, id, prefill, done }) {
  const [service, setService] = useState(null);
  const [answers, setAnswers] = useState(prefill || {});
  const [errors, setErrors] = useState({});
  const [summary, setSummary] = useState(null);
  const [message, setMessage] = useState(null);
  const [busy, setBusy] = useState(false);
  const token = useRef(null);

  useEffect(() => { api(`services/${id}`).then(setService).catch((e) => setMessage({ text: e.message, bad: true })); }, [id]);
  if (!service) return <div class="loading">{message ? message.text : s["app-loading"]}</div>;

  const visible = service.fields.filter((f) => !f.when || answers[f.when.field] === f.when.equals);
  const review = async () => {
    setBusy(true); setMessage(null);
    try {
      const data = await api("quote", { service_id: service.id, answers });
      token.current = formToken(formKey(service.id, answers));
      setErrors({}); setSummary(data.summary); haptic("medium");
    } catch (e) {
      if (e.status === 422) { setErrors(e.body.errors || {}); notify("error"); } else setMessage({ text: e.message, bad: true });
    } finally { setBusy(false); }
  };
  const confirm = async () => {
    setBusy(true);
    try {
      const data = await api("orders", { service_id: service.id, answers, token: token.current, price: summary.price_value });
      forgetForm(formKey(service.id, answers)); // a later order of the same form is a new one
      notify("success");
      done(data.message);
    } catch (e) {
      notify("error");
      if (e.status === 409 && e.body.summary) { setSummary(e.body.summary); setMessage({ text: s["app-summary"], bad: true }); }
      else setMessage({ text: e.body.message || e.message, bad: true });
    } finally { setBusy(false); }
  };
  return (
    <div>
      <div class="card" id="service-card">
        <div class="name"><b>{service.name}</b></div>
        <div>{service.rate} {s["app-per-thousand"]}</div>
        <div class="hint">{s["app-limits"]}: <Range min={service.min} max={service.max} /></div>
        <div class="hint">{s[service.refill ? "service-refill-yes" : "service-refill-no"]} · {s[service.cancel ? "service-cancel-yes" : "service-cancel-no"]}</div>
        {service.usual && <div class="hint">{service.usual}</div>}
        {service.record && <div class="hint" id="record">{service.record}</div>}
        {service.description && <p class="hint">{service.description}</p>}
        {service.paused && <div class="notice bad" id="paused">{s["service-paused"]}</div>}
      </div>
      {summary ? (
        <div class="card" id="summary">
          <b>{s["app-summary"]}</b>
          {(summary.answers || []).map((a) => <div class="answer"><span class="hint">{a.label}:</span> <span class="value">{a.value}</span></div>)}
          {summary.discount && <div>{summary.discount}</div>}
          <div>{s["app-price"]}: <b id="price">{summary.price}</b></div>
          <div>{s["app-wallet-after"]}: {summary.balance} → {summary.after}</div>
          {summary.usual && <div class="hint">{summary.usual}</div>}
          {summary.record && <div class="hint" id="summary-record">{summary.record}</div>}
          {summary.guarantee && <div class="hint" id="guarantee">{summary.guarantee}</div>}
          {summary.shortfall && <div class="notice bad">{s["app-not-enough"]} {summary.shortfall}</div>}
          <div class="row">
            <button class="primary" id="confirm" disabled={busy || !!summary.shortfall} onClick={confirm}>{busy ? s["app-placing"] : s["app-confirm"]}</button>
            <button onClick={() => setSummary(null)}>{s["app-back"]}</button>
          </div>
        </div>
      ) : (
        <form id="order-form" onSubmit={(e) => { e.preventDefault(); review(); }}>
          {visible.map((f) => <Field field={f} value={answers[f.name]} error={errors[f.name]}
            onChange={(v) => setAnswers({ ...answers, [f.name]: v })} />)}
          <button class="primary" id="review" type="submit" disabled={busy}>{s["app-order"]}</button>
        </form>
      )}
      {message && <div class={`notice ${message.bad ? "bad" : ""}`} id="message">{message.text}</div>}
    </div>
  );
}

function Orders({ s, again }) {
  const [orders, setOrders] = useState(null);
  const [message, setMessage] = useState(null);
  const load = () => api("orders").then((d) => setOrders(d.orders)).catch(() => {});
  useEffect(() => {
    load();
    const timer = setInterval(load, 4000); // statuses move while the screen is open
    return () => clearInterval(timer);
  }, []);
  const act = async (id, action) => {
    haptic();
    try { const data = await api(`orders/${id}/${action}`, {}); setMessage(data.message); load(); }
    catch (e) { setMessage(e.body.message || e.message); }
  };
  if (!orders) return <div class="loading">{s["app-loading"]}</div>;
  if (!orders.length) return <div class="hint">{s["app-no-orders"]}</div>;
  return (
    <div class="list" id="orders">
      {message && <div class="notice">{message}</div>}
      {orders.map((o) => (
        <div class="card order" data-id={o.id} data-stage={o.stage}>
          <div><b>#{o.id}</b> {o.service}</div>
          <div class="status">{o.status}</div>
          <div class="hint">{o.link} · {o.quantity} · {o.charge}</div>
          <div class="row">
            {o.can_refill && <button onClick={() => act(o.id, "refill")}>{s["app-refill"]}</button>}
            {!o.final && <button onClick={() => act(o.id, "cancel")}>{s["app-cancel"]}</button>}
            <button onClick={() => again(o)}>{s["app-order-again"]}</button>
          </div>
        </div>
      ))}
    </div>
  );
}

// Recurring plans: an order every 30 days, paid as a Telegram Stars subscription. Subscribing
// asks the link, then opens the subscription invoice; a running plan is cancelled or resumed.
function Plans({ s, reload }) {
  const [data, setData] = useState(null);
  const [open, setOpen] = useState(null); // the plan whose link is being typed
  const [link, setLink] = useState("");
  const [message, setMessage] = useState(null);
  const load = () => api("plans").then(setData).catch(() => {});
  useEffect(() => { load(); }, []);
  if (!data || (!data.plans.length && !data.mine.length)) return null;
  const said = (e) => setMessage({ text: (e.body && e.body.message) || e.message, bad: true });
  const pay = async (id) => {
    haptic();
    try {
      const { link: url } = await api(`plans/${id}/subscribe`, { link });
      WebApp.openInvoice(url, (status) => {
        if (status === "paid") { notify("success"); setOpen(null); load(); reload(); }
      });
    } catch (e) { notify("error"); said(e); }
  };
  const renewal = async (id, cancelled) => {
    haptic();
    try {
      const done = await api(`plans/mine/${id}/${cancelled ? "resume" : "cancel"}`, {});
      setMessage({ text: done.message, bad: false }); load();
    } catch (e) { said(e); }
  };
  return (
    <div class="card" id="plans">
      <div class="hint">{data.title}</div>
      {data.plans.map((p) => (
        <div class="plan" data-id={p.id}>
          <div>{p.line}</div>
          {open === p.id ? (
            <form class="row" onSubmit={(e) => { e.preventDefault(); pay(p.id); }}>
              <input id={`plan-link-${p.id}`} inputmode="url" placeholder={s["app-plan-link"]} value={link}
                onInput={(e) => setLink(e.currentTarget.value)} />
              <button class="primary" id={`plan-pay-${p.id}`} type="submit">{s["app-plan-pay"]}</button>
            </form>
          ) : (
            p.orderable && <button class="item" id={`plan-${p.id}`} onClick={() => { setOpen(p.id); setMessage(null); }}>{p.subscribe}</button>
          )}
        </div>
      ))}
      {data.mine.length > 0 && <div class="hint" id="my-plans">{data.mine_title}</div>}
      {data.mine.map((m) => (
        <div class="plan mine" data-id={m.id} data-cancelled={String(m.cancelled)}>
          <div>{m.line}</div>
          <button class="item" id={`renewal-${m.id}`} onClick={() => renewal(m.id, m.cancelled)}>{m.action}</button>
        </div>
      ))}
      {message && <div class={`notice ${message.bad ? "bad" : ""}`} id="plans-message">{message.text}</div>}
    </div>
  );
}

function Balance({ me, s, reload }) {
  const [message, setMessage] = useState(null);
  const pay = async (amount) => {
    haptic();
    try {
      const { link } = await api("topup", { amount });
      WebApp.openInvoice(link, (status) => { if (status === "paid") { notify("success"); reload(); } });
    } catch (e) { setMessage((e.body && e.body.message) || e.message); }
  };
  // The referral card, prepared by the bot and sent by Telegram to a chat the customer picks.
  const share = async () => {
    haptic();
    try {
      const { id } = await api("share", { kind: "invite" });
      WebApp.shareMessage(id, (sent) => { if (sent) notify("success"); });
    } catch (e) { setMessage((e.body && e.body.message) || e.message); }
  };
  return (
    <div>
      <div class="card"><div class="hint">{s["app-balance"]}</div><div id="wallet"><b>{me.balance}</b></div></div>
      {(me.loyalty || []).length > 0 && <div class="card" id="loyalty">{me.loyalty.map((line) => <div>{line}</div>)}</div>}
      <div class="list">{me.topups.map((t) => <button class="item" onClick={() => pay(t.amount)}>{t.label}</button>)}</div>
      <Plans s={s} reload={reload} />
      <div class="list share"><button class="item" id="share" onClick={share}>{s["app-share"]}</button></div>
      {me.own_shop && <div class="list share"><button class="item" id="own-shop" onClick={() => { haptic(); WebApp.openTelegramLink(me.own_shop); }}>{s["app-own-shop"]}</button></div>}
      {message && <div class="notice bad">{message}</div>}
    </div>
  );
}

// "Add to home screen" is offered once (where Telegram says the shortcut is missing); a shop
// opened from the home screen on a phone opens fullscreen.
const HOME_OFFERED = "home-screen-offered";
const PHONES = ["android", "ios"];

function useHomeScreen() {
  const [offer, setOffer] = useState(false);
  useEffect(() => {
    try {
      WebApp.checkHomeScreenStatus((status) => {
        if (status === "added" && PHONES.includes(WebApp.platform)) WebApp.requestFullscreen();
        let offered = null;
        try { offered = localStorage.getItem(HOME_OFFERED); } catch (e) { /* private mode */ }
        if (status === "missed" && !offered) setOffer(true);
      });
    } catch (e) { /* an older Telegram: no shortcut to offer */ }
  }, []);
  const answer = (add) => {
    try { localStorage.setItem(HOME_OFFERED, "1"); } catch (e) { /* private mode */ }
    setOffer(false);
    if (add) { haptic(); WebApp.addToHomeScreen(); }
  };
  return [offer, answer];
}

function App() {
  const [me, setMe] = useState(null);
  const [homeOffer, answerHome] = useHomeScreen();
  const [failure, setFailure] = useState(null);
  // "#console" opens the operator's console (the server decides whether it answers).
  const [tab, setTab] = useState(location.hash.includes("console") ? "console" : "shop");
  const [service, setService] = useState(null); // { id, prefill }
  const [notice, setNotice] = useState(null);
  const reload = () => api("me").then((data) => {
    setMe(data);
    document.documentElement.lang = data.locale;
    document.documentElement.dir = data.rtl ? "rtl" : "ltr";
  }).catch((e) => setFailure(e));
  useEffect(() => { WebApp.ready(); WebApp.expand(); reload(); }, []);
  useBackButton(service ? () => setService(null) : null);

  if (failure) {
    return <div class="screen-error" id="error" data-status={failure.status}><p>{failure.body && failure.body.message ? failure.body.message : failure.message}</p></div>;
  }
  if (!me) return <div class="loading">…</div>;
  const s = me.strings;
  const go = (name) => { haptic(); setTab(name); setService(null); setNotice(null); };
  let body;
  if (service) {
    body = <ServiceScreen key={service.id} s={s} id={service.id} prefill={service.prefill}
      done={(text) => { setService(null); setTab("orders"); setNotice(text); reload(); }} />;
  } else if (tab === "orders") {
    body = <Orders s={s} again={(o) => setService({ id: o.service_id, prefill: { link: o.link, quantity: String(o.quantity) } })} />;
  } else if (tab === "balance") {
    body = <Balance me={me} s={s} reload={reload} />;
  } else if (tab === "console") {
    body = <Console s={s} api={api} raw={raw} />;
  } else {
    body = <Shop s={s} open={(id) => setService({ id })} />;
  }
  return (
    <div>
      <header>
        <div class="top"><h1>{s["app-title"]}</h1><span class="chip" id="balance">{me.balance}</span></div>
        <nav>
          <button id="tab-shop" class={tab === "shop" && !service ? "on" : ""} onClick={() => go("shop")}>{s["app-categories"]}</button>
          <button id="tab-orders" class={tab === "orders" && !service ? "on" : ""} onClick={() => go("orders")}>{s["app-orders"]}</button>
          <button id="tab-balance" class={tab === "balance" && !service ? "on" : ""} onClick={() => go("balance")}>{s["app-balance"]}</button>
          {me.admin && <button id="tab-console" class={tab === "console" && !service ? "on" : ""} onClick={() => go("console")}>{s["app-console"]}</button>}
        </nav>
      </header>
      <main>
        {me.demo && <div class="notice demo" id="demo">{s["demo-shop-note"]}</div>}
        {notice && <div class="notice" id="notice">{notice}</div>}
        {homeOffer && (
          <div class="notice" id="home-offer">
            <div>{s["app-home-offer"]}</div>
            <div class="row">
              <button class="primary" id="home-add" onClick={() => answerHome(true)}>{s["app-home-add"]}</button>
              <button id="home-later" onClick={() => answerHome(false)}>{s["app-home-later"]}</button>
            </div>
          </div>
        )}
        {body}
      </main>
    </div>
  );
}

render(<App />, document.getElementById("app"));
