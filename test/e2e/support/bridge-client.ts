/**
 * The test and preview stand-in for the preload: defines `window.blocdesk` in the page, forwarding
 * every call to the loopback server (loopback-bridge.ts), where the real main-process handlers
 * answer. Every call carries the server's per-run token: the Playwright fixtures set it before the
 * page loads (`globalThis.__blocdeskBridge`), the preview's index.html carries it in a <meta>.
 *
 * With browser dialogs on (the preview; tests that ask for it), an open dialog of the app shows a
 * file input here; the picked files are uploaded and the call goes on with them. Otherwise a call
 * that carries byte arrays goes over a WebSocket (socketInvoke).
 */
import { decodeWire, decodeWireFrame, encodeWire, holdsBytes, WIRE_FRAME_TYPE, wireFramePieces } from '../../../shared/api/wire';
import { BRIDGE_DIALOGS_HEADER, BRIDGE_TIMING_HEADER, BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_META } from './bridge-limits';

interface BridgeConfig {
  token: string;
  /** Answer the app's open dialogs with a file input in the page. */
  browserDialogs: boolean;
  /** Record the harness's own costs as User Timing measures (benchmarks only: bench/app-handover.bench.ts). */
  timing: boolean;
}

interface DialogRequest {
  id: string;
  title: string;
  extensions: string[];
  multiple: boolean;
}

function config(): BridgeConfig {
  const preset = (globalThis as { __blocdeskBridge?: Partial<BridgeConfig> }).__blocdeskBridge;
  if (preset?.token) return { token: preset.token, browserDialogs: preset.browserDialogs ?? false, timing: preset.timing ?? false };
  const meta = document.querySelector(`meta[name="${BRIDGE_TOKEN_META}"]`)?.getAttribute('content') ?? '';
  return { token: meta, browserDialogs: true, timing: false };
}

/** The lines of an NDJSON response, as they arrive. */
async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (line.trim()) yield line;
    }
    if (done) {
      if (buffered.trim()) yield buffered;
      return;
    }
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, css: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.style.cssText = css; // CSSOM, allowed by the app's CSP (style attributes are not)
  if (text) el.textContent = text;
  return el;
}

/** Shows the app's open dialog as a file input; uploads the picked files; resolves when answered. */
function answerDialog(dialog: DialogRequest, token: string): Promise<void> {
  return new Promise((done) => {
    const backdrop = element('div', 'position:fixed;inset:0;background:rgba(20,30,45,.45);display:flex;align-items:center;justify-content:center;z-index:2147483647;font:15px system-ui,sans-serif');
    const box = element('div', 'background:#fff;border-radius:8px;padding:20px 24px;max-width:520px;width:90%;box-shadow:0 8px 30px rgba(0,0,0,.25)');
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-label', dialog.title);
    const title = element('h2', 'margin:0 0 8px;font-size:18px', dialog.title);
    const hint = element('p', 'margin:0 0 12px;color:#555', 'Bản xem thử trên trình duyệt: chọn tệp trên máy để ứng dụng mở.');
    const input = element('input', 'display:block;margin:0 0 12px');
    input.type = 'file';
    input.multiple = dialog.multiple;
    input.setAttribute('aria-label', 'Chọn tệp');
    if (dialog.extensions.length) input.accept = dialog.extensions.map((e) => `.${e}`).join(',');
    const error = element('p', 'margin:0 0 12px;color:#b3261e;display:none');
    error.setAttribute('role', 'alert');
    const actions = element('div', 'display:flex;justify-content:flex-end;gap:8px');
    const cancel = element('button', 'padding:6px 14px', 'Hủy');
    const openBtn = element('button', 'padding:6px 14px;background:#1f5fa8;color:#fff;border:1px solid #1f5fa8;border-radius:4px', 'Mở');
    cancel.type = 'button';
    openBtn.type = 'button';
    actions.append(cancel, openBtn);
    box.append(title, hint, input, error, actions);
    backdrop.append(box);
    document.body.append(backdrop);
    input.focus();

    const headers = { [BRIDGE_TOKEN_HEADER]: token };
    const finish = async (how: 'done' | 'cancel') => {
      await fetch(`/__test/dialogs/${dialog.id}/${how}`, { method: 'POST', headers });
      backdrop.remove();
      done();
    };
    cancel.addEventListener('click', () => void finish('cancel'));
    openBtn.addEventListener('click', () => {
      void (async () => {
        const files = [...(input.files ?? [])];
        if (files.length === 0) {
          error.textContent = 'Chưa chọn tệp nào.';
          error.style.display = 'block';
          return;
        }
        openBtn.disabled = true;
        for (const file of files) {
          const r = await fetch(`/__test/dialogs/${dialog.id}/file?name=${encodeURIComponent(file.name)}`, {
            method: 'POST',
            headers: { ...headers, 'Content-Type': 'application/octet-stream' },
            body: file,
          });
          if (!r.ok) {
            error.textContent = r.status === 413 ? `Tệp "${file.name}" quá lớn.` : `Không gửi được tệp "${file.name}" (HTTP ${r.status}).`;
            error.style.display = 'block';
            openBtn.disabled = false;
            return;
          }
        }
        await finish('done');
      })();
    });
  });
}

function measure(name: string, start: number): void {
  if (!config().timing) return;
  // Kept, not replaced: the bench sums a channel's calls (an upload makes one per part).
  performance.measure(name, { start, end: performance.now() });
}

/** The server's own phases (main's handler, the server's JSON) as measures of their own. */
function serverTimings(channel: string, header: string | null): void {
  if (!config().timing) return;
  for (const part of (header ?? '').split(',')) {
    const m = /^\s*(\w+);dur=([\d.]+)/.exec(part);
    if (!m) continue;
    const name = `bridge:${channel}:server-${m[1]}`;
    performance.measure(name, { start: 0, duration: Number(m[2]) });
  }
}

type SocketAnswer = { id: number; result?: unknown; timing?: string; failure?: string };
let socket: Promise<WebSocket> | null = null;
let nextCall = 1;
const answers = new Map<number, { resolve(a: SocketAnswer): void; reject(e: Error): void }>();

/** The WebSocket to the server (loopback-bridge.ts), opened on first use and again after it closes. */
function openSocket(token: string): Promise<WebSocket> {
  socket ??= new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${location.host}/__bridge-ws?token=${encodeURIComponent(token)}`);
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => resolve(ws);
    ws.onmessage = (e: MessageEvent<string>) => {
      const answer = decodeWire(e.data) as SocketAnswer;
      const waiting = answers.get(answer.id);
      answers.delete(answer.id);
      waiting?.resolve(answer);
    };
    ws.onclose = () => {
      socket = null;
      reject(new Error('Máy chủ thử nghiệm đóng kết nối.'));
      for (const waiting of answers.values()) waiting.reject(new Error('Máy chủ thử nghiệm đóng kết nối.'));
      answers.clear();
    };
  });
  return socket;
}

/**
 * A call with byte arrays, over the WebSocket: the bytes go as they are (one binary message, sent
 * as a Blob), as Electron's IPC carries them. A fetch body of 80 MB costs Chromium several copies
 * between its processes (about five times the time on the test machines); a WebSocket message of
 * ArrayBuffers about three times the CPU of the same message as a Blob (measured: 84 MB in 40
 * messages took 1.8–2.6 s of Chromium's CPU, as Blobs 0.65–0.75 s).
 */
async function socketInvoke(channel: string, args: unknown[], token: string, timing: boolean): Promise<unknown> {
  const t0 = performance.now();
  const id = nextCall++;
  const frame = new Blob(wireFramePieces({ id, channel, args, timing })! as BlobPart[]);
  measure(`bridge:${channel}:encode`, t0);
  const t1 = performance.now();
  const ws = await openSocket(token);
  const answer = await new Promise<SocketAnswer>((resolve, reject) => {
    answers.set(id, { resolve, reject });
    ws.send(frame);
  });
  measure(`bridge:${channel}:call`, t1);
  if (answer.failure !== undefined) throw new Error(`Máy chủ thử nghiệm không xử lý được yêu cầu: ${answer.failure}`);
  serverTimings(channel, answer.timing ?? null);
  return answer.result;
}

(window as unknown as { blocdesk: unknown }).blocdesk = {
  async invoke(channel: string, ...args: unknown[]) {
    const { token, browserDialogs, timing } = config();
    // Byte arrays go over the WebSocket (the page answers no dialog there: the preview keeps HTTP).
    if (!browserDialogs && holdsBytes(args)) return socketInvoke(channel, args, token, timing);
    // The harness's own costs, as User Timing measures, when a benchmark asks (bench/app-handover.bench.ts prints them).
    const t0 = performance.now();
    const body = encodeWire(args);
    measure(`bridge:${channel}:encode`, t0);
    const t1 = performance.now();
    const res = await fetch(`/__bridge/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [BRIDGE_TOKEN_HEADER]: token,
        ...(browserDialogs ? { [BRIDGE_DIALOGS_HEADER]: 'browser' } : {}),
        ...(timing ? { [BRIDGE_TIMING_HEADER]: '1' } : {}),
      },
      body,
    });
    if (!res.ok) throw new Error(`Máy chủ thử nghiệm từ chối yêu cầu (HTTP ${res.status}): ${await res.text()}`);
    if (!browserDialogs || !res.body) {
      const frame = res.headers.get('Content-Type') === WIRE_FRAME_TYPE;
      const body = frame ? new Uint8Array(await res.arrayBuffer()) : await res.text();
      measure(`bridge:${channel}:call`, t1);
      serverTimings(channel, res.headers.get('Server-Timing'));
      const t2 = performance.now();
      const value = typeof body === 'string' ? decodeWire(body) : decodeWireFrame(body);
      measure(`bridge:${channel}:decode`, t2);
      return value;
    }
    for await (const line of lines(res.body)) {
      const message = decodeWire(line) as { dialog?: DialogRequest; result?: unknown };
      if (message.dialog) await answerDialog(message.dialog, token);
      else return message.result;
    }
    throw new Error('Máy chủ thử nghiệm không trả kết quả.');
  },
};
