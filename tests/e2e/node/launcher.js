// A local Telegram Bot API stand-in for whole-bot tests: telegram-test-api 4.2.1 plus the
// fixes aiogram 3 needs (see ../../../README.md, "Tests"). Usage: node launcher.js PORT [--limits]
//   --limits   enforce Telegram's sending limits (1 msg/s per chat, 30 msg/s in all) with 429s
'use strict';
const TelegramServer = require('telegram-test-api');

const port = Number(process.argv[2] || 9000);
const enforceLimits = process.argv.includes('--limits');
const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 3600 });
const app = server.webServer;
const firstOwnLayer = app._router.stack.length;

const now = () => Math.floor(Date.now() / 1000);
const updates = [];            // {token, update}: what the bot will receive
const waiters = [];            // long-polling getUpdates waiting for an update
const callbackAnswers = [];    // answerCallbackQuery calls, for tests to read
const inlineAnswers = [];      // answerInlineQuery calls
const calls = [];              // every bot method called, with its parameters
const topics = [];             // forum topics the bot created: {chat_id, message_thread_id, name}
const userMessages = new Map(); // "chat:id" -> what a user sent, so the bot can copy it
let topicId = 5000;
let updateId = 1;
let messageId = 100000;
const stats = { sent: 0, tooMany: 0, perChatMax: 0, webhookReplies: 0 };
const lastByChat = new Map();
const globalWindow = [];

function botIdOf(token) { return Number(String(token).split(':')[0]) || 1; }
function ok(res, result) { res.json({ ok: true, result }); }
function parse(value) {
  if (typeof value !== 'string') return value;
  try { return JSON.parse(value); } catch (e) { return value; }
}

const webhooks = {};            // token -> {url, secret}: updates are POSTed there instead
// What the bot showed users (a message sent or edited), in order, with when: the load test
// (bench/load.py) reads it from a cursor instead of polling every chat.
const outbound = [];
function showed(token, chatId, method, text, markup) {
  outbound.push({ seq: outbound.length, at: Date.now(), token, chat_id: Number(chatId), method,
    text: text || '', reply_markup: parse(markup) });
}

async function deliver(token, update, attempt = 0) {
  const hook = webhooks[token];
  let answer;
  try {
    answer = await fetch(hook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': hook.secret || '' },
      body: JSON.stringify(update),
    });
    if (answer.status >= 300) throw new Error(`webhook answered ${answer.status}`);
  } catch (error) {
    // Like Telegram: keep trying for a while when the webhook is down or refuses.
    if (attempt < 60) setTimeout(() => deliver(token, update, attempt + 1), 500);
    return;
  }
  // The update was delivered: a method in the answer that fails is not a reason to send the
  // update again (Telegram does not either; it reports nothing).
  runReplyMethod(token, answer).catch((error) => console.error('webhook reply method:', error.message));
}

// Like Telegram: a method the bot put in its answer to the webhook call is run as if the
// bot had called it (aiogram writes it as multipart form data); its result goes nowhere.
async function runReplyMethod(token, answer) {
  if (!(answer.headers.get('content-type') || '').startsWith('multipart/form-data')) {
    await answer.arrayBuffer();  // read to the end, so the connection is free again
    return;
  }
  const form = await answer.formData();
  const method = form.get('method');
  if (!method) return;
  const body = new URLSearchParams();
  for (const [name, value] of form) if (name !== 'method') body.append(name, String(value));
  stats.webhookReplies += 1;
  await fetch(`http://127.0.0.1:${port}/bot${token}/${method}`, { method: 'POST', body });
}

function pushUpdate(token, update) {
  update.update_id = updateId++;
  if (webhooks[token]) {
    deliver(token, update);
    return update;
  }
  updates.push({ token, update });
  while (waiters.length) waiters.shift()();
  return update;
}

function userMessage(body, isCommand) {
  const text = String(body.text || '');
  const message = {
    message_id: messageId++,
    date: now(),
    from: body.from,
    chat: body.chat || { id: body.from.id, type: 'private', first_name: body.from.first_name },
  };
  if (body.photo) {               // a photo: Telegram's sizes, with an optional caption
    message.photo = [{ file_id: String(body.photo), file_unique_id: `u${body.photo}`, width: 640, height: 480 }];
    if (body.caption) message.caption = String(body.caption);
  } else if (body.document) {
    message.document = { file_id: String(body.document), file_unique_id: `u${body.document}`, file_name: 'file.pdf' };
    if (body.caption) message.caption = String(body.caption);
  } else {
    message.text = text;
  }
  if (body.message_thread_id) {   // a message in a forum topic of a supergroup
    message.message_thread_id = Number(body.message_thread_id);
    message.is_topic_message = true;
  }
  if (message.text !== undefined && (isCommand || text.startsWith('/'))) {
    const length = text.split(/\s/)[0].length;
    message.entities = [{ offset: 0, length, type: 'bot_command' }];
  }
  userMessages.set(`${message.chat.id}:${message.message_id}`, message);
  return message;
}

function storedBotMessage(body, token) {
  server.addBotMessage(Object.assign({}, body), token);
  const stored = server.storage.botMessages[server.storage.botMessages.length - 1];
  return asMessage(stored, token);
}

function findBotMessage(body) {
  return server.storage.botMessages.find((u) => String(u.messageId) === String(body.message_id)
    && String(u.message.chat_id) === String(body.chat_id));
}

function asMessage(stored, token) {
  // Only real Message fields: the package keeps every form field the bot sent.
  const markup = parse(stored.message.reply_markup);
  const chatId = Number(stored.message.chat_id);
  const message = {
    message_id: stored.messageId,
    date: Math.floor(stored.time / 1000),
    chat: chatId < 0 ? { id: chatId, type: 'supergroup', title: 'Support', is_forum: true }
      : { id: chatId, type: 'private', first_name: 'User' },
    from: { id: botIdOf(token), is_bot: true, first_name: 'Test bot', username: 'TestNameBot' },
    text: stored.message.text,
  };
  if (stored.message.message_thread_id) {
    message.message_thread_id = Number(stored.message.message_thread_id);
    message.is_topic_message = true;
  }
  if (stored.message.photo) message.photo = stored.message.photo;
  if (stored.message.document) message.document = stored.message.document;
  if (stored.message.caption) message.caption = stored.message.caption;
  if (markup && markup.inline_keyboard) message.reply_markup = markup;
  if (stored.message.invoice) message.text = stored.message.text;
  if (stored.edited) message.edit_date = now();
  return message;
}

// ---- managed bots (Bot API 9.6) -----------------------------------------------------------
// A user who presses a KeyboardButtonRequestManagedBot gets a new bot managed by the bot that
// showed the button: that bot receives a `managed_bot` update and a message with
// `managed_bot_created`, and fetches the token with getManagedBotToken. A replaced token stops
// working at once (401), as Telegram's does.
const managedBots = new Map();  // bot id -> {token, manager (token), name, username, creator}
const revokedTokens = new Set();
let managedBotId = 7000000;
function botUser(id, bot) { return { id, is_bot: true, first_name: bot.name, username: bot.username }; }

app.all('/bot:token/:method', (req, res, next) => {
  if (!revokedTokens.has(req.params.token)) return next();
  return res.status(401).json({ ok: false, error_code: 401, description: 'Unauthorized' });
});

// ---- bot side ------------------------------------------------------------------------------
app.all('/bot:token/getMe', (req, res) => {
  const managed = managedBots.get(botIdOf(req.params.token));
  ok(res, {
    id: botIdOf(req.params.token), is_bot: true,
    first_name: managed ? managed.name : 'Test bot', username: managed ? managed.username : 'TestNameBot',
    can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true,
  });
});
app.all('/bot:token/getManagedBotToken', (req, res) => {
  const managed = managedBots.get(Number(req.body.user_id));
  if (!managed || managed.manager !== req.params.token) {
    return res.status(400).json({ ok: false, error_code: 400, description: 'Bad Request: bot not found' });
  }
  calls.push({ method: 'getManagedBotToken', params: { user_id: Number(req.body.user_id) } });
  return ok(res, managed.token);
});
function replaceToken(id) {
  const managed = managedBots.get(id);
  revokedTokens.add(managed.token);
  managed.token = `${id}:managed${Math.random().toString(36).slice(2, 12)}`;
  return managed;
}
app.all('/bot:token/replaceManagedBotToken', (req, res) => {
  const managed = managedBots.get(Number(req.body.user_id));
  if (!managed || managed.manager !== req.params.token) {
    return res.status(400).json({ ok: false, error_code: 400, description: 'Bad Request: bot not found' });
  }
  return ok(res, replaceToken(Number(req.body.user_id)).token);
});

app.all('/bot:token/setWebhook', (req, res) => {
  webhooks[req.params.token] = { url: req.body.url, secret: req.body.secret_token };
  calls.push({ method: 'setWebhook', params: { url: req.body.url } });
  ok(res, true);
});
app.all('/bot:token/deleteWebhook', (req, res) => {
  delete webhooks[req.params.token];
  ok(res, true);
});
app.all('/bot:token/getWebhookInfo', (req, res) => ok(res, {
  url: (webhooks[req.params.token] || {}).url || '', has_custom_certificate: false, pending_update_count: 0,
}));

app.all('/bot:token/getUpdates', (req, res) => {
  const { token } = req.params;
  const offset = Number(req.body.offset || 0);
  const timeout = Math.min(Number(req.body.timeout || 0), 50);
  // Confirmed updates (below offset) are forgotten; others are delivered again, like Telegram.
  for (let i = updates.length - 1; i >= 0; i -= 1) {
    if (updates[i].token === token && updates[i].update.update_id < offset) updates.splice(i, 1);
  }
  const pending = () => updates.filter((u) => u.token === token && u.update.update_id >= offset)
    .map((u) => u.update);
  const found = pending();
  if (found.length || !timeout) return ok(res, found);
  let done = false;
  const finish = () => { if (!done) { done = true; ok(res, pending()); } };
  waiters.push(finish);
  setTimeout(finish, timeout * 1000);
  res.on('close', () => { done = true; });
  return undefined;
});

// Telegram's HTML parse mode, as strict as Telegram: a text with a tag it does not know, an
// unbalanced tag or an unknown named entity is refused with 400 "can't parse entities"
// (https://core.telegram.org/bots/api#html-style). tests/telegram_html.py is the same rule.
const ALLOWED_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del',
  'tg-spoiler', 'a', 'code', 'pre', 'blockquote', 'span', 'tg-emoji']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*>/y;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/y;
function htmlError(text) {
  const open = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '<') {
      TAG.lastIndex = i;
      const m = TAG.exec(text);
      if (!m) return `can't parse entities: unsupported start tag at byte offset ${i}`;
      const name = m[2].toLowerCase();
      if (!ALLOWED_TAGS.has(name)) return `can't parse entities: unsupported start tag "${name}" at byte offset ${i}`;
      if (m[1] === '/') {
        if (!open.length || open[open.length - 1] !== name) return `can't parse entities: unexpected end tag "${name}" at byte offset ${i}`;
        open.pop();
      } else open.push(name);
      i = TAG.lastIndex;
      continue;
    }
    if (text[i] === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(text);
      if (m) {
        if (!m[1].startsWith('#') && !['lt', 'gt', 'amp', 'quot'].includes(m[1].toLowerCase())) {
          return `can't parse entities: unsupported entity at byte offset ${i}`;
        }
        i = ENTITY.lastIndex;
        continue;
      }
    }
    i += 1;
  }
  if (open.length) return `can't parse entities: can't find end tag corresponding to start tag "${open[open.length - 1]}"`;
  return null;
}
function refusedHtml(res, body, field) {
  if (body.parse_mode !== 'HTML' || typeof body[field] !== 'string') return false;
  const error = htmlError(body[field]);
  if (!error) return false;
  res.status(400).json({ ok: false, error_code: 400, description: `Bad Request: ${error}` });
  return true;
}

app.all('/bot:token/sendMessage', (req, res) => {
  if (refusedHtml(res, req.body, 'text')) return undefined;
  const chat = String(req.body.chat_id);
  if (enforceLimits) {
    const t = Date.now();
    while (globalWindow.length && globalWindow[0] < t - 1000) globalWindow.shift();
    const last = lastByChat.get(chat) || 0;
    if (t - last < 1000 || globalWindow.length >= 30) {
      stats.tooMany += 1;
      return res.status(429).json({ ok: false, error_code: 429,
        description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    }
    globalWindow.push(t);
    lastByChat.set(chat, t);
  }
  stats.sent += 1;
  const sent = storedBotMessage(req.body, req.params.token);
  showed(req.params.token, req.body.chat_id, 'sendMessage', req.body.text, req.body.reply_markup);
  outbound[outbound.length - 1].message = sent;
  return ok(res, sent);
});

function edit(req, res, fields) {
  if (refusedHtml(res, req.body, 'text')) return undefined;
  const stored = findBotMessage(req.body);
  if (!stored) {
    return res.status(400).json({ ok: false, error_code: 400,
      description: 'Bad Request: message to edit not found' });
  }
  const changes = {};
  for (const field of fields) if (field in req.body) changes[field] = parse(req.body[field]);
  if (!('reply_markup' in req.body)) changes.reply_markup = undefined;
  stored.message = Object.assign({}, stored.message, changes);
  stored.isRead = false;           // the test sees an edited message as the bot's next message
  stored.edited = true;
  const shown = asMessage(stored, req.params.token);
  showed(req.params.token, req.body.chat_id, 'edit', stored.message.text, stored.message.reply_markup);
  outbound[outbound.length - 1].message = shown;
  return ok(res, shown);
}
// A photo or document arrives as multipart/form-data (the file itself), which the package's
// body parsers leave alone: read it with the Fetch API's parser. The user sees the caption.
async function formFields(req) {
  if (!String(req.headers['content-type'] || '').startsWith('multipart/form-data')) return req.body;
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const form = await new Response(Buffer.concat(chunks),
    { headers: { 'content-type': req.headers['content-type'] } }).formData();
  const fields = {};
  for (const [name, value] of form.entries()) {
    fields[name] = typeof value === 'string' ? value : { name: value.name, size: value.size };
  }
  return fields;
}
for (const [method, field] of [['sendPhoto', 'photo'], ['sendDocument', 'document']]) {
  app.all(`/bot:token/${method}`, async (req, res) => {
    const body = await formFields(req);
    // aiogram names the file part and points at it: photo=attach://<part name>.
    const ref = body[field];
    const file = (typeof ref === 'string' && ref.startsWith('attach://')
      ? body[ref.slice('attach://'.length)] : ref) || {};
    const media = { file_id: `e2e-${field}-${messageId}`, file_unique_id: `u${messageId}`,
      file_size: file.size || 0 };
    const message = { chat_id: body.chat_id, caption: body.caption || '', text: body.caption || '',
      reply_markup: body.reply_markup, message_thread_id: body.message_thread_id,
      [field]: field === 'photo' ? [Object.assign({ width: 1200, height: 800 }, media)]
        : Object.assign({ file_name: file.name || 'file' }, media) };
    calls.push({ method, params: { chat_id: body.chat_id, caption: body.caption } });
    stats.sent += 1;
    ok(res, storedBotMessage(message, req.params.token));
  });
}

app.all('/bot:token/editMessageText', (req, res) => edit(req, res, ['text', 'reply_markup', 'parse_mode']));
app.all('/bot:token/editMessageReplyMarkup', (req, res) => edit(req, res, ['reply_markup']));

app.all('/bot:token/answerCallbackQuery', (req, res) => {
  callbackAnswers.push(Object.assign({ token: req.params.token }, req.body));
  ok(res, true);
});
app.all('/bot:token/answerInlineQuery', (req, res) => {
  inlineAnswers.push(Object.assign({ token: req.params.token }, req.body,
    { results: parse(req.body.results) }));
  ok(res, true);
});
app.all('/bot:token/createForumTopic', (req, res) => {
  const topic = { chat_id: Number(req.body.chat_id), message_thread_id: topicId++,
    name: String(req.body.name || ''), icon_color: 7322096 };
  topics.push(topic);
  calls.push({ method: 'createForumTopic', params: req.body });
  ok(res, { message_thread_id: topic.message_thread_id, name: topic.name, icon_color: topic.icon_color });
});
app.all('/bot:token/copyMessage', (req, res) => {
  // The copy is the bot's own message in the target chat (and topic): text or media as sent.
  const source = userMessages.get(`${req.body.from_chat_id}:${req.body.message_id}`)
    || (findBotMessage({ chat_id: req.body.from_chat_id, message_id: req.body.message_id }) || {}).message;
  if (!source) {
    return res.status(400).json({ ok: false, error_code: 400, description: 'Bad Request: message to copy not found' });
  }
  const copy = { chat_id: req.body.chat_id, text: source.text };
  for (const field of ['photo', 'document', 'caption']) if (source[field]) copy[field] = source[field];
  if (req.body.message_thread_id) copy.message_thread_id = req.body.message_thread_id;
  if (req.body.reply_markup) copy.reply_markup = req.body.reply_markup;
  const stored = storedBotMessage(copy, req.params.token);
  calls.push({ method: 'copyMessage', params: req.body });
  return ok(res, { message_id: stored.message_id });
});
app.post('/topics', (req, res) => ok(res, topics));
app.all('/bot:token/sendInvoice', (req, res) => {
  // Payable like an invoice link: /payInvoiceLink with link `invoice:<token>:<payload>`.
  const prices = parse(req.body.prices) || [];
  invoiceLinks.set(`invoice:${req.params.token}:${req.body.payload}`, { token: req.params.token,
    payload: String(req.body.payload), currency: String(req.body.currency),
    total: prices.reduce((sum, p) => sum + Number(p.amount), 0), period: 0 });
  ok(res, storedBotMessage(Object.assign({}, req.body, {
    text: `INVOICE ${req.body.title}: ${req.body.description}`,
    invoice: { payload: req.body.payload, prices: parse(req.body.prices), currency: req.body.currency },
  }), req.params.token));
});
app.all('/bot:token/createInvoiceLink', (req, res) => {
  // A link `WebApp.openInvoice` accepts (https://t.me/$<slug>); the Mini App opens it. A
  // test pays it with /payInvoiceLink (a subscription's renewals: /renewSubscriptions).
  calls.push({ method: 'createInvoiceLink', params: req.body });
  const prices = parse(req.body.prices) || [];
  const period = Number(req.body.subscription_period || 0);
  if (period && (period !== 2592000 || req.body.currency !== 'XTR' || prices.length !== 1)) {
    return res.status(400).json({ ok: false, error_code: 400,
      description: 'Bad Request: SUBSCRIPTION_PERIOD_INVALID' });
  }
  const link = `https://t.me/$e2einvoice${calls.length}`;
  invoiceLinks.set(link, { token: req.params.token, payload: String(req.body.payload),
    currency: String(req.body.currency), total: prices.reduce((sum, p) => sum + Number(p.amount), 0),
    period });
  ok(res, link);
});

// ---- Stars payments: an invoice link paid, a subscription renewed or cancelled ------------
const invoiceLinks = new Map();   // link -> {token, payload, currency, total, period}
const checkouts = new Map();      // pre_checkout_query id -> {invoice, from}
const subscriptions = new Map();  // first charge id -> {invoice, from, canceled, expires, paid}
let chargeId = 1;

function paymentUpdate(token, invoice, from, charge, fields) {
  return pushUpdate(token, { message: {
    message_id: messageId++, date: now(), from,
    chat: { id: from.id, type: 'private', first_name: from.first_name },
    successful_payment: Object.assign({ currency: invoice.currency,
      total_amount: invoice.total, invoice_payload: invoice.payload,
      telegram_payment_charge_id: charge, provider_payment_charge_id: '' }, fields),
  } });
}

app.all('/bot:token/answerPreCheckoutQuery', (req, res) => {
  calls.push({ method: 'answerPreCheckoutQuery', params: req.body });
  const checkout = checkouts.get(String(req.body.pre_checkout_query_id));
  checkouts.delete(String(req.body.pre_checkout_query_id));
  if (!checkout || !['true', true].includes(req.body.ok)) return ok(res, true);
  const { invoice, from } = checkout;
  const charge = `stxE2E${String(chargeId++).padStart(6, '0')}`;
  const fields = {};
  if (invoice.period) {           // the first period of a subscription
    const expires = now() + invoice.period;
    Object.assign(fields, { subscription_expiration_date: expires, is_recurring: true,
      is_first_recurring: true });
    subscriptions.set(charge, { invoice, from, canceled: false, expires, paid: 1 });
  }
  paymentUpdate(req.params.token, invoice, from, charge, fields);
  return ok(res, true);
});

app.all('/bot:token/editUserStarSubscription', (req, res) => {
  calls.push({ method: 'editUserStarSubscription', params: req.body });
  const found = subscriptions.get(String(req.body.telegram_payment_charge_id));
  if (!found || String(found.from.id) !== String(req.body.user_id)) {
    return res.status(400).json({ ok: false, error_code: 400,
      description: 'Bad Request: SUBSCRIPTION_NOT_FOUND' });
  }
  found.canceled = ['true', true].includes(req.body.is_canceled);
  return ok(res, true);
});
app.all('/bot:token/savePreparedInlineMessage', (req, res) => {
  // A message the Mini App may hand to shareMessage: its id, valid for a while (as Telegram).
  calls.push({ method: 'savePreparedInlineMessage', params: Object.assign({}, req.body,
    { result: parse(req.body.result) }) });
  ok(res, { id: `prepared${calls.length}`, expiration_date: Math.floor(Date.now() / 1000) + 3600 });
});
for (const method of ['setMyCommands', 'deleteMyCommands', 'setChatMenuButton',
  'sendChatAction', 'refundStarPayment', 'deleteMessage', 'close',
  'logOut', 'setMyDescription', 'setMyShortDescription', 'closeForumTopic']) {
  app.all(`/bot:token/${method}`, (req, res) => {
    calls.push({ method, params: req.body });
    ok(res, true);
  });
}
app.all('/bot:token/:method', (req, res) => res.status(404).json({
  ok: false, error_code: 404, description: `Not Found: method ${req.params.method} is not known here`,
}));

// ---- client side (the test plays the user) --------------------------------------------------
app.post('/sendMessage', (req, res) => ok(res, pushUpdate(req.body.botToken,
  { message: userMessage(req.body, false) })));
app.post('/sendCommand', (req, res) => ok(res, pushUpdate(req.body.botToken,
  { message: userMessage(req.body, true) })));
app.post('/sendCallback', (req, res) => {
  const from = req.body.from;
  const message = req.body.message;
  ok(res, pushUpdate(req.body.botToken, { callback_query: {
    id: String(updateId), from, message, data: req.body.data,
    chat_instance: `ci-${message && message.chat ? message.chat.id : from.id}`,
  } }));
});
app.post('/sendInlineQuery', (req, res) => ok(res, pushUpdate(req.body.botToken, { inline_query: {
  id: `iq-${updateId}`, from: req.body.from, query: req.body.query || '', offset: req.body.offset || '',
  chat_type: 'sender',
} })));
app.post('/payInvoiceLink', (req, res) => {
  // The user pays an invoice link: Telegram asks the bot (pre_checkout_query) and, when it
  // says yes, sends the payment. Answers the query's id.
  const invoice = invoiceLinks.get(String(req.body.link));
  if (!invoice) return res.status(404).json({ ok: false, description: 'no such invoice link' });
  const id = `pcq-${updateId}`;
  checkouts.set(id, { invoice, from: req.body.from });
  pushUpdate(invoice.token, { pre_checkout_query: { id, from: req.body.from,
    currency: invoice.currency, total_amount: invoice.total, invoice_payload: invoice.payload } });
  return ok(res, { id });
});
app.post('/renewSubscriptions', (req, res) => {
  // A period ends: every subscription not cancelled is charged again (no pre-checkout, as
  // in Telegram), a payment update each. Answers the updates sent (a test may resend one).
  const sent = [];
  for (const [first, sub] of subscriptions) {
    if (sub.invoice.token !== req.body.botToken || sub.canceled) continue;
    sub.expires += sub.invoice.period;
    sub.paid += 1;
    const charge = `stxE2E${String(chargeId++).padStart(6, '0')}`;
    sent.push(paymentUpdate(sub.invoice.token, sub.invoice, sub.from, charge, {
      subscription_expiration_date: sub.expires, is_recurring: true, is_first_recurring: false,
    }));
    sub.lastCharge = charge;
    sub.first = first;
  }
  return ok(res, sent);
});
app.post('/subscriptions', (req, res) => ok(res, [...subscriptions].map(([first, sub]) => ({
  first_charge: first, user_id: sub.from.id, canceled: sub.canceled, paid: sub.paid,
  expires: sub.expires }))));
app.post('/createManagedBot', (req, res) => {
  // The user pressed the request button and confirmed in Telegram's dialog.
  const id = managedBotId++;
  const bot = { token: `${id}:managed${Math.random().toString(36).slice(2, 12)}`,
    manager: req.body.botToken, name: String(req.body.name || 'Shop'),
    username: String(req.body.username || `shop${id}_bot`), creator: req.body.from };
  managedBots.set(id, bot);
  pushUpdate(bot.manager, { managed_bot: { user: req.body.from, bot: botUser(id, bot) } });
  const message = userMessage({ from: req.body.from }, false);
  delete message.text;
  message.managed_bot_created = { bot: botUser(id, bot) };
  pushUpdate(bot.manager, { message });
  ok(res, { id, token: bot.token, username: bot.username });
});
app.post('/getManagedBotTokenForTest', (req, res) => {
  const bot = managedBots.get(Number(req.body.botId));
  ok(res, bot ? { id: Number(req.body.botId), token: bot.token } : null);
});
app.post('/rotateManagedBotToken', (req, res) => {
  // The owner changed the bot's token in @BotFather: the manager is told with `managed_bot`.
  const id = Number(req.body.botId);
  const bot = replaceToken(id);
  pushUpdate(bot.manager, { managed_bot: { user: bot.creator, bot: botUser(id, bot) } });
  ok(res, { id, token: bot.token });
});
app.post('/sendRawUpdate', (req, res) => ok(res, pushUpdate(req.body.botToken, req.body.update)));
app.post('/botMessages', (req, res) => {
  // Every message the bot sent (or edited) to a chat, with read marks cleared as it is read.
  const { token, chatId, unreadOnly } = req.body;
  const found = server.storage.botMessages.filter((u) => u.botToken === token
    && String(u.message.chat_id) === String(chatId) && (!unreadOnly || !u.isRead));
  found.forEach((u) => { u.isRead = true; });
  // What the user sees also includes a reply keyboard (not part of a bot's Message answer).
  ok(res, found.map((u) => {
    const message = asMessage(u, token);
    const markup = parse(u.message.reply_markup);
    if (markup && markup.keyboard) message.reply_keyboard = markup.keyboard;
    if (u.message.invoice) message.invoice_link = `invoice:${token}:${u.message.invoice.payload}`;
    return message;
  }));
});
app.post('/callbackAnswers', (req, res) => ok(res, callbackAnswers.filter((a) => a.token === req.body.token)));
app.post('/inlineAnswers', (req, res) => ok(res, inlineAnswers.filter((a) => a.token === req.body.token)));
app.post('/calls', (req, res) => ok(res, calls));
app.post('/outbound', (req, res) => {
  const after = Number(req.body.after || 0);
  ok(res, { next: outbound.length,
    shown: outbound.slice(after).filter((o) => o.token === req.body.token) });
});
app.post('/stats', (req, res) => ok(res, stats));

// Our routes were appended after the package's (and its catch-all 404): move them in front.
const stack = app._router.stack;
const own = stack.splice(firstOwnLayer);
const firstRoute = stack.findIndex((layer) => layer.route);
stack.splice(firstRoute, 0, ...own);

server.start().then(() => {
  process.stdout.write(`telegram stand-in listening on http://127.0.0.1:${port}\n`);
});
const stop = () => server.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
