// The live log viewer of one execution (/executions/{id}): details, kill, and the log with
// pause, follow, clear, download, line numbers, timestamps and search.
import { api } from '../api.js';
import { h, replace, errorBanner, banner, badge, queueText, fmtTime, fmtDuration, runTime, TERMINAL } from '../dom.js';
import { may } from '../session.js';
import { here } from '../router.js';
import { LineStore } from '../log/linestore.js';
import { LogSearch } from '../log/search.js';
import { downloadLog } from '../log/download.js';
import { LogView } from '../log/logview.js';
import { LogStream } from '../log/logstream.js';

const POLL_MS = 2000;
const PREFS = 'errand.logview';

export async function render(main, { match }) {
  const id = match[1];
  let execution;
  try {
    execution = await api('GET', '/api/v1/executions/' + id);
  } catch (e) {
    replace(main, h('h1', { class: 'mono', text: id }), e.status === 404
      ? banner('error', 'There is no execution ', h('code', { text: id }), ' that you can see: it does not exist, was deleted, or belongs to someone else. ',
        h('a', { href: '/executions', text: 'All executions' }))
      : errorBanner(e, 'The execution could not be loaded: '));
    return undefined;
  }
  return new Viewer(main, execution).cleanup;
}

class Viewer {
  constructor(main, execution) {
    this.execution = execution;
    this.store = new LineStore();
    this.paused = false;
    const prefs = loadPrefs();
    this.view = new LogView(this.store, { onFollowChange: (on) => this.followButton.setAttribute('aria-pressed', on) });
    this.view.setOptions(prefs);
    this.build(main, prefs);
    this.search = new LogSearch(this.store, this.view, this.searchCount);
    this.view.attach();
    this.view.setPlaceholder('Waiting for output…');
    this.stream = new LogStream(execution.id, {
      nextSeq: () => this.store.nextSeq,
      onLines: (lines) => this.onLines(lines),
      onStatus: (status) => this.onStatus(status),
      onState: (state, detail) => this.onState(state, detail),
      onFatal: (error) => this.onFatal(error),
    });
    this.stream.start();
    this.ticker = setInterval(() => this.tick(), 1000);
    this.poll();
    this.cleanup = () => {
      this.stream.stop();
      this.view.destroy();
      clearInterval(this.ticker);
      clearTimeout(this.pollTimer);
      document.title = 'Errand';
    };
  }

  build(main, prefs) {
    const toggle = (text, pressed, onclick, id) => h('button', { class: 'toggle', id, 'aria-pressed': String(pressed), onclick, text });
    this.badge = h('span');
    this.killButton = h('button', { class: 'danger', id: 'kill', onclick: () => this.kill(), text: 'Kill' });
    this.commandEl = h('pre', { class: 'exec-command', id: 'command' });
    this.meta = h('dl', { class: 'meta', id: 'meta' });
    this.banners = h('div', { id: 'banners' });
    this.pauseButton = h('button', { id: 'pause', onclick: () => this.setPaused(!this.paused), text: 'Pause' });
    this.followButton = toggle('Follow', true, () => this.view.setFollow(!this.view.follow, true), 'follow');
    this.searchInput = h('input', { type: 'search', id: 'search', placeholder: 'Search the log', 'aria-label': 'Search the log' });
    this.searchCount = h('span', { class: 'muted hint', id: 'search-count' });
    this.connEl = h('span', { class: 'conn', id: 'connection' });
    this.lineCount = h('span', { id: 'line-count' });
    this.pausedNote = h('span', { class: 'paused', id: 'paused-note', hidden: true });
    let debounce = 0;
    this.searchInput.addEventListener('input', () => {
      clearTimeout(debounce);
      debounce = setTimeout(() => this.search.run(this.searchInput.value), 200);
    });
    this.searchInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        if (this.searchInput.value && !this.search.active) this.search.run(this.searchInput.value);
        else this.search.step(e.shiftKey ? -1 : 1);
      }
      if (e.key === 'Escape') { this.searchInput.value = ''; this.search.run(''); }
    });
    replace(main,
      h('div', { class: 'exec-head' },
        h('a', { href: '/executions', 'aria-label': 'All executions', text: '←' }),
        h('h1', { class: 'mono', text: this.execution.id }), this.badge, h('span', { class: 'spacer' }), this.connEl, this.killButton),
      this.commandEl, this.meta, this.banners,
      h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Log' },
        this.pauseButton, this.followButton,
        h('button', { id: 'clear', onclick: () => this.clear(), text: 'Clear' }),
        h('button', { id: 'download', onclick: () => this.download(), text: 'Download' }),
        toggle('Line numbers', prefs.lineNumbers, (e) => this.option(e.target, 'lineNumbers'), 'line-numbers'),
        toggle('Timestamps', prefs.timestamps, (e) => this.option(e.target, 'timestamps'), 'timestamps'),
        h('div', { class: 'search' }, this.searchInput,
          h('button', { class: 'small', 'aria-label': 'Previous match', onclick: () => this.search.step(-1), text: '▲' }),
          h('button', { class: 'small', 'aria-label': 'Next match', onclick: () => this.search.step(1), text: '▼' }),
          this.searchCount)),
      this.view.el,
      h('div', { class: 'logstatus' }, this.lineCount, this.pausedNote, h('span', { text: 'End: follow · Home: top' })));
    this.showExecution();
  }

  showExecution() {
    const e = this.execution;
    replace(this.badge, badge(e.status));
    this.badge.id = 'status';
    this.commandEl.textContent = e.command;
    const item = (label, value, cls) => h('div', {}, h('dt', { text: label }), h('dd', { class: cls, title: String(value ?? ''), text: value ?? '–' }));
    const u = e.usage;
    replace(this.meta,
      item('Exit code', e.exit_code, e.exit_code ? 'exit-bad' : null),
      item('Image', e.image),
      item('User', e.user),
      item('Started', fmtTime(e.started_at)),
      item('Finished', e.finished_at ? fmtTime(e.finished_at) : null),
      h('div', {}, h('dt', { text: 'Duration' }), this.durationEl = h('dd', { id: 'duration', text: fmtDuration(runTime(e)) })),
      item('Created', fmtTime(e.created_at)),
      item('Timeout', fmtDuration(e.timeout_seconds * 1000)),
      item('Network', e.network ? 'on' : 'off'),
      item('Driver', e.driver),
      queueText(e) ? item('Queue', queueText(e)) : null,
      e.secrets && e.secrets.length ? item('Secrets', e.secrets.join(', ')) : null,
      e.lock ? item('Lock', e.lock) : null,
      e.git ? item('Git', e.git.repo + (e.git.ref ? ' @ ' + e.git.ref : '')) : null,
      e.limits ? item('Limits', limitsText(e.limits)) : null,
      u && u.cpu_seconds != null ? item('CPU', u.cpu_seconds.toFixed(2) + ' s') : null,
      u && u.peak_memory_bytes != null ? item('Peak memory', (u.peak_memory_bytes / 1048576).toFixed(1) + ' MiB') : null,
      u ? item('Cost', '$' + Number(u.cost_usd).toFixed(4)) : null,
      e.reason ? item('Reason', e.reason) : null);
    this.killButton.hidden = TERMINAL.has(e.status) || !may.kill(e);
    document.title = `${e.status} · ${e.command.slice(0, 60)} — Errand`;
  }

  tick() {
    if (this.durationEl && !TERMINAL.has(this.execution.status)) this.durationEl.textContent = fmtDuration(runTime(this.execution));
  }

  async poll() {
    clearTimeout(this.pollTimer);
    if (TERMINAL.has(this.execution.status)) return;
    try {
      this.execution = await api('GET', '/api/v1/executions/' + this.execution.id);
      this.showExecution();
    } catch (e) {
      // Not found ends the page; anything else (the server restarting, a network blip) is retried.
      if (e.status === 404 || e.status === 401) {
        if (e.status === 404) this.onFatal(e);
        return;
      }
    }
    if (!TERMINAL.has(this.execution.status)) this.pollTimer = setTimeout(() => this.poll(), POLL_MS);
  }

  onLines(lines) {
    const result = this.store.append(lines);
    if (!this.paused) this.view.setCount(this.store.length);
    this.search.appended();
    this.showCounts();
    return result;
  }

  async onStatus(status) {
    this.execution = { ...this.execution, status: status.status, exit_code: status.exit_code, reason: status.reason };
    this.showExecution();
    this.view.setPlaceholder('No output.');
    try {
      this.execution = await api('GET', '/api/v1/executions/' + this.execution.id);
      this.showExecution();
    } catch {
      // The status event already said how it ended.
    }
  }

  onState(state, detail) {
    const text = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…', ended: 'ended', failed: 'stopped' }[state];
    this.connEl.className = 'conn ' + state;
    this.connEl.textContent = text;
    const old = this.banners.querySelector('.stream-note');
    if (old) old.remove();
    if (state === 'reconnecting' && detail.attempt > 0) {
      const note = banner('warn', `The log stream dropped; reconnecting (attempt ${detail.attempt}). `
        + `The lines so far are kept and it resumes from line ${this.store.nextSeq}.`);
      note.classList.add('stream-note');
      this.banners.append(note);
    }
  }

  onFatal(error) {
    this.onState('failed', {});
    clearTimeout(this.pollTimer);
    this.stream.stop();
    this.killButton.hidden = true;
    if (error.status === 401) {
      this.banners.append(banner('error', 'You were signed out (' + error.message + '). ',
        h('a', { href: '/sign-in?next=' + encodeURIComponent(here()), text: 'Sign in again' }), ' to keep following this log.'));
    } else if (error.status === 404) {
      this.banners.append(banner('error', 'This execution no longer exists or is no longer visible to you; the lines below are what was received.'));
    } else {
      this.banners.append(errorBanner(error, 'The log stream stopped: '));
    }
  }

  setPaused(paused) {
    this.paused = paused;
    this.pauseButton.textContent = paused ? 'Resume' : 'Pause';
    this.pauseButton.setAttribute('aria-pressed', String(paused));
    if (!paused) this.view.setCount(this.store.length);
    this.showCounts();
  }

  showCounts() {
    const shown = this.paused ? this.view.count : this.store.length;
    this.lineCount.textContent = `${shown.toLocaleString('en-US')} lines` + (this.store.firstSeq > 1 ? ` (cleared before line ${this.store.firstSeq})` : '');
    const waiting = this.store.length - this.view.count;
    this.pausedNote.hidden = !this.paused;
    this.pausedNote.textContent = `Paused · ${waiting.toLocaleString('en-US')} new line${waiting === 1 ? '' : 's'}`;
  }

  clear() {
    this.store.clear();
    this.view.setCount(0);
    this.view.invalidate();
    this.view.setPlaceholder('Cleared; new lines appear here.');
    this.search.run(this.searchInput.value);
    this.showCounts();
  }

  option(button, name) {
    const on = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(on));
    this.view.setOptions({ [name]: on });
    savePrefs({ lineNumbers: this.view.lineNumbers, timestamps: this.view.timestamps });
  }

  async kill() {
    const button = this.killButton;
    if (!button.classList.contains('confirm')) {
      button.classList.add('confirm');
      button.textContent = 'Confirm kill';
      this.disarm = setTimeout(() => { button.classList.remove('confirm'); button.textContent = 'Kill'; }, 4000);
      return;
    }
    clearTimeout(this.disarm);
    button.disabled = true;
    button.textContent = 'Killing…';
    try {
      this.execution = await api('POST', `/api/v1/executions/${this.execution.id}/kill`);
      this.showExecution();
      this.poll();
    } catch (e) {
      this.banners.append(errorBanner(e, 'The kill failed: '));
    } finally {
      button.disabled = false;
      button.classList.remove('confirm');
      button.textContent = 'Kill';
    }
  }

  async download() {
    const button = document.getElementById('download');
    button.disabled = true;
    try {
      await downloadLog(this.store, this.execution.id, this.view.timestamps);
    } catch (e) {
      this.banners.append(errorBanner(e, 'The download failed: '));
    } finally {
      button.disabled = false;
    }
  }
}

function limitsText(l) {
  return [l.cpus != null ? l.cpus + ' CPU' : null, l.memory_mb != null ? l.memory_mb + ' MiB' : null,
    l.max_processes != null ? l.max_processes + ' processes' : null, l.cpu_seconds != null ? l.cpu_seconds + ' CPU s' : null,
    l.output_bytes != null ? Math.round(l.output_bytes / 1048576) + ' MiB output' : null].filter(Boolean).join(', ') || '–';
}

function loadPrefs() {
  try {
    return { lineNumbers: true, timestamps: false, ...JSON.parse(localStorage.getItem(PREFS) || '{}') };
  } catch {
    return { lineNumbers: true, timestamps: false };
  }
}

function savePrefs(prefs) {
  try {
    localStorage.setItem(PREFS, JSON.stringify(prefs));
  } catch {
    // Preferences are a convenience; private modes may refuse storage.
  }
}
