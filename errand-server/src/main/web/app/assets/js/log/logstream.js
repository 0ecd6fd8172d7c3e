// Follows an execution's log over the WebSocket stream (the session cookie goes with the
// upgrade, same origin). Backlog, then live lines, then one status event. A stream that drops
// reconnects with from_seq = the next seq it needs, so nothing is missed or repeated; when a
// connection cannot even start, a plain GET of the execution tells why (signed out, gone).
import { api } from '../api.js';

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000];

export class LogStream {
  /**
   * @param executionId the execution to follow
   * @param handlers.nextSeq () => the seq to ask for next
   * @param handlers.onLines (lines) => {gapAt} whatever the store reports
   * @param handlers.onStatus (statusEvent) => void, once, at the end
   * @param handlers.onState (state, detail) => void: connecting, live, reconnecting, ended, failed
   * @param handlers.onFatal (error) => void: the stream cannot go on (signed out, not found, ...)
   */
  constructor(executionId, handlers) {
    this.id = executionId;
    this.h = handlers;
    this.ws = null;
    this.attempt = 0;
    this.timer = 0;
    this.done = false;
  }

  start() {
    this.connect();
  }

  stop() {
    this.done = true;
    clearTimeout(this.timer);
    if (this.ws) this.ws.close(1000, 'page closed');
  }

  connect() {
    if (this.done) return;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = `${scheme}//${location.host}/api/v1/executions/${encodeURIComponent(this.id)}/logs/stream?from_seq=${this.h.nextSeq()}`;
    this.h.onState(this.attempt === 0 ? 'connecting' : 'reconnecting', { attempt: this.attempt });
    let opened = false;
    let ws;
    try {
      ws = new WebSocket(url);
    } catch (e) {
      this.h.onFatal(e);
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      opened = true;
      this.attempt = 0;
      this.h.onState('live', {});
    };
    ws.onmessage = (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message.type === 'logs') {
        const { gapAt } = this.h.onLines(message.lines);
        if (gapAt != null) ws.close(4000, 'gap before seq ' + gapAt);
      } else if (message.type === 'status') {
        this.done = true;
        this.h.onStatus(message);
        this.h.onState('ended', {});
      } else if (message.type === 'error') {
        this.done = true;
        this.h.onFatal(Object.assign(new Error(message.message), { code: message.code }));
      }
    };
    ws.onclose = (event) => {
      if (this.ws !== ws || this.done) return;
      this.ws = null;
      if (opened && event.code === 1000) {
        // The server ended the stream without a status: ask for the rest at once.
        this.schedule(0);
      } else if (opened) {
        this.schedule();
      } else {
        this.diagnose();
      }
    };
  }

  schedule(delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)]) {
    this.attempt++;
    this.h.onState('reconnecting', { attempt: this.attempt, delay });
    this.timer = setTimeout(() => this.connect(), delay);
  }

  // The browser hides why an upgrade failed; the same request as a plain GET tells.
  async diagnose() {
    try {
      await api('GET', '/api/v1/executions/' + encodeURIComponent(this.id), undefined, { quiet401: true });
      this.schedule();
    } catch (e) {
      if (e.status === 401 || e.status === 403 || e.status === 404) {
        this.done = true;
        this.h.onFatal(e);
      } else {
        this.schedule();
      }
    }
  }
}
