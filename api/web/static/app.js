// Bailing merchant page: chat with the assistant, upload evidence, see the limit and its reasons,
// manage consent. Plain JS, no build step. Every text from the server or a document is set with
// textContent, never innerHTML: a hostile document's text is data, not markup.
"use strict";

const state = { merchant: "", key: "", labels: { docs: {}, assets: {}, scopes: {}, status: {} }, decision: null };

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function money(cny) {
  if (cny === null || cny === undefined) return "—";
  const n = Math.round(cny);
  if (Math.abs(n) >= 10000) return (n / 10000).toFixed(2).replace(/\.?0+$/, "") + "万元";
  return n.toLocaleString("zh-CN") + "元";
}

function docName(code) {
  if (!code) return "未识别";
  if (code.startsWith("photo:")) return (state.labels.assets[code.slice(6)] || code.slice(6)) + "照片";
  return state.labels.docs[code] || code;
}

async function api(method, path, body, extraHeaders) {
  const headers = { "Authorization": "Bearer " + state.key, ...(extraHeaders || {}) };
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) { headers["Content-Type"] = "application/json"; payload = JSON.stringify(body); }
  const res = await fetch(path, { method, headers, body: payload });
  let data = null;
  try { data = await res.json(); } catch (_) { data = null; }
  if (!res.ok) {
    const detail = data && data.detail ? (typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail)) : res.statusText;
    throw new Error(`${res.status}：${detail}`);
  }
  return data;
}

const m = () => encodeURIComponent(state.merchant);

// ---- limit and reasons ----
function showDecision(d) {
  state.decision = d;
  const limit = document.getElementById("limit-value");
  limit.textContent = money(d.new_limit_cny);
  limit.classList.toggle("raised", d.uplift_cny > 0);
  limit.dataset.cny = String(d.new_limit_cny);
  document.getElementById("base-value").textContent = money(d.base_limit_cny);
  document.getElementById("uplift-value").textContent = d.uplift_cny > 0 ? "+" + money(d.uplift_cny) : "0元";
  const review = document.getElementById("review-note");
  review.hidden = !d.review;
  review.textContent = d.review ? "有材料需要人工复核，复核完成前额度不会提高。" : "";
  const reasons = document.getElementById("reasons");
  reasons.replaceChildren();
  for (const r of d.reasons) {
    if (!r.text_zh || r.text_zh.includes("{")) continue;  // unfilled template of a rule that did not fire
    const li = el("li", { class: r.fired ? "fired" : "not-fired" }, (r.fired ? "" : "（未满足）") + r.text_zh +
      (r.fired && r.amount_cny ? `（${r.effect === "raise" ? "+" : ""}${money(r.amount_cny)}）` : ""));
    reasons.append(li);
  }
  if (!reasons.children.length) reasons.append(el("li", { class: "not-fired" }, "暂无已验证的材料，额度按银行已掌握的信息核定。"));
  const next = document.getElementById("next-evidence");
  next.replaceChildren();
  for (const n of d.next_best_evidence.slice(0, 5)) {
    next.append(el("li", {}, `${docName(n.doc_type)}：预计可提升约${money(n.expected_uplift_cny)}`));
  }
}

async function loadDecision() { showDecision(await api("GET", `/merchants/${m()}/decision`)); }

// ---- chat ----
function addMessage(role, text) {
  const log = document.getElementById("chat-log");
  log.append(el("div", { class: `msg ${role}` }, text));
  log.scrollTop = log.scrollHeight;
}

async function loadHistory() {
  const turns = await api("GET", `/assistant/${m()}/messages`);
  document.getElementById("chat-log").replaceChildren();
  for (const t of turns) addMessage(t.role, t.text);
  if (!turns.length) await say("你好");
}

async function say(text) {
  addMessage("merchant", text);
  const out = await api("POST", `/assistant/${m()}/messages`, { text });
  addMessage("assistant", out.reply.text);
}

// ---- evidence ----
function worthOf(evidenceId) {
  if (!state.decision) return "";
  const parts = state.decision.reasons.filter(r => r.fired && r.evidence_ids.includes(evidenceId) && r.text_zh)
    .map(r => r.amount_cny ? `${r.text_zh}（${money(r.amount_cny)}）` : r.text_zh);
  return parts.join("；");
}

async function loadEvidence() {
  const rows = document.getElementById("evidence-rows");
  const items = await api("GET", `/merchants/${m()}/evidence`);
  rows.replaceChildren();
  for (const e of items) {
    const tr = el("tr", { "data-evidence-id": e.evidence_id });
    tr.append(el("td", {}, docName(e.doc_type)));
    const status = el("td", { class: `status-${e.status}` }, state.labels.status[e.status] || e.status || "");
    if (e.reasons.length) status.append(el("div", { class: "muted" }, e.reasons.map(c => state.labels.reasons[c] || c).join("；")));
    tr.append(status);
    tr.append(el("td", {}, e.authenticity === null ? "—" : Math.round(e.authenticity * 100) + "%"));
    tr.append(el("td", {}, worthOf(e.evidence_id) || (e.status === "verified" ? `支持${e.facts_supported}条信息` : "—")));
    tr.append(el("td", {}, e.submitted_at ? new Date(e.submitted_at).toLocaleString("zh-CN") : ""));
    const cell = el("td");
    const button = el("button", { type: "button", class: "secondary" }, "撤回");
    button.addEventListener("click", () => withdrawEvidence(e.evidence_id, button));
    cell.append(button);
    tr.append(cell);
    rows.append(tr);
  }
  if (!items.length) {
    const tr = el("tr");
    tr.append(el("td", { colspan: "6", class: "muted" }, "还没有提交材料。"));
    rows.append(tr);
  }
}

async function withdrawEvidence(id, button) {
  if (!confirm("撤回后，这份材料支持的信息会被删除，并重新计算额度。确定撤回吗？")) return;
  button.disabled = true;
  try {
    const out = await api("DELETE", `/merchants/${m()}/evidence/${encodeURIComponent(id)}`);
    showDecision(out.decision);
    addMessage("assistant", `已撤回材料，删除了${out.withdrawal.facts_deleted.length}条仅由它支持的信息；当前额度${money(out.decision.new_limit_cny)}。`);
  } catch (err) { addMessage("assistant", "撤回失败：" + err.message); }
  await loadEvidence();
}

// ---- consent ----
async function loadConsents() {
  const consents = await api("GET", `/merchants/${m()}/consents`);
  const rows = document.getElementById("consent-rows");
  const select = document.getElementById("upload-consent");
  rows.replaceChildren();
  select.replaceChildren();
  for (const c of consents) {
    const tr = el("tr");
    tr.append(el("td", {}, state.labels.scopes[c.scope] || c.scope));
    tr.append(el("td", {}, state.labels.purposes[c.purpose] || c.purpose));
    tr.append(el("td", {}, new Date(c.granted_at).toLocaleString("zh-CN")));
    tr.append(el("td", {}, c.active ? "有效" : "已撤回"));
    const cell = el("td");
    if (c.active) {
      const button = el("button", { type: "button", class: "secondary" }, "撤回授权");
      button.addEventListener("click", () => withdrawConsent(c.consent_id, button));
      cell.append(button);
      select.append(el("option", { value: c.consent_id }, state.labels.scopes[c.scope] || c.scope));
    }
    tr.append(cell);
    rows.append(tr);
  }
}

async function grantConsent(scope) {
  await api("POST", `/merchants/${m()}/consents`, { scope, purpose: "credit_limit_review" });
  await loadConsents();
}

async function withdrawConsent(id, button) {
  if (!confirm("撤回授权会同时撤回依此授权提交的全部材料，并重新计算额度。确定吗？")) return;
  button.disabled = true;
  try {
    const out = await api("DELETE", `/merchants/${m()}/consents/${encodeURIComponent(id)}`);
    if (out.decision) showDecision(out.decision);
    addMessage("assistant", `授权已撤回，同时撤回了${out.withdrawn_evidence.length}份材料。`);
  } catch (err) { addMessage("assistant", "撤回授权失败：" + err.message); }
  await Promise.all([loadConsents(), loadEvidence()]);
}

// ---- upload ----
const UPLOAD_STATES = { queued: "排队中", processing: "正在识别和核验" };

// The server holds the answer while the upload is processed (Prefer: wait); if the queue is long it
// answers 202 and we poll the status URL, saying where the upload is.
async function uploadAndWait(form, say) {
  let out = await api("POST", `/merchants/${m()}/evidence`, form, { "Prefer": "wait=20" });
  while (out && out.status_url && !out.result) {
    if (out.state === "failed") throw new Error(`${out.error.status}：${out.error.detail}`);
    say(out.state === "queued" && out.ahead > 0 ? `排队中，前面还有${out.ahead}份` : (UPLOAD_STATES[out.state] || out.state));
    await new Promise((r) => setTimeout(r, 1000));
    out = await api("GET", out.status_url);
  }
  return out.result || out;
}

async function upload(event) {
  event.preventDefault();
  const files = Array.from(document.getElementById("upload-files").files);
  const consent = document.getElementById("upload-consent").value;
  const status = document.getElementById("upload-status");
  if (!consent) { status.textContent = "请先在「授权管理」里授权，再上传。"; return; }
  if (!files.length) { status.textContent = "请选择要上传的文件。"; return; }
  const button = event.submitter || document.querySelector("#upload-form button");
  button.disabled = true;
  try {
    for (const [i, file] of files.entries()) {
      status.textContent = `正在识别第${i + 1}/${files.length}份：${file.name}`;
      addMessage("merchant", `上传了：${file.name}`);
      const form = new FormData();
      form.append("consent_id", consent);
      form.append("file", file, file.name);
      try {
        const out = await uploadAndWait(form, (text) => { status.textContent = `第${i + 1}/${files.length}份「${file.name}」：${text}`; });
        showDecision(out.decision);
        for (const e of out.evidence) {
          const said = await api("POST", `/assistant/${m()}/uploads/${encodeURIComponent(e.evidence_id)}`);
          addMessage("assistant", said.reply.text);
        }
      } catch (err) {
        addMessage("assistant", `「${file.name}」没能上传：${err.message}`);
      }
    }
    status.textContent = "上传完成。";
    document.getElementById("upload-files").value = "";
  } finally {
    button.disabled = false;
    await loadEvidence();
  }
}

// ---- start ----
async function enter() {
  document.getElementById("login").hidden = true;
  document.getElementById("main").hidden = false;
  document.getElementById("who").textContent = "商户 " + state.merchant;
  await loadDecision();
  await Promise.all([loadConsents(), loadEvidence(), loadHistory()]);
  document.body.dataset.ready = "1";
}

async function start() {
  state.labels = await (await fetch("labels.json")).json();
  const hash = new URLSearchParams(location.hash.slice(1));  // a fragment never reaches server logs
  state.merchant = hash.get("merchant") || sessionStorage.getItem("bailing.merchant") || "";
  state.key = hash.get("key") || sessionStorage.getItem("bailing.key") || "";
  if (hash.has("key")) history.replaceState(null, "", location.pathname);
  document.getElementById("login-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    state.merchant = document.getElementById("merchant-id").value.trim();
    state.key = document.getElementById("api-key").value.trim();
    await tryEnter();
  });
  document.getElementById("chat-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const input = document.getElementById("chat-input");
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    try { await say(text); } catch (err) { addMessage("assistant", "发送失败：" + err.message); }
  });
  document.getElementById("upload-form").addEventListener("submit", upload);
  for (const button of document.querySelectorAll(".consent-actions button")) {
    button.addEventListener("click", () => grantConsent(button.dataset.scope).catch(err => alert(err.message)));
  }
  if (state.merchant && state.key) await tryEnter();
}

async function tryEnter() {
  try {
    await enter();
    sessionStorage.setItem("bailing.merchant", state.merchant);
    sessionStorage.setItem("bailing.key", state.key);
  } catch (err) {
    document.getElementById("login").hidden = false;
    document.getElementById("main").hidden = true;
    document.getElementById("login-error").textContent = "无法进入：" + err.message;
  }
}

start();
