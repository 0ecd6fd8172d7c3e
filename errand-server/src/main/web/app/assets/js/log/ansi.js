// One log line's text as HTML: ANSI colours and styles through ansi_up (from npm, served from
// /assets/vendor), everything else escaped. Each line starts with default style, since the
// virtual view renders lines out of order. A carriage return shows what a terminal would: the
// text after the last one (progress bars).
import { AnsiUp } from '../../vendor/ansi_up/ansi_up.js';

const ansi = new AnsiUp();
ansi.use_classes = true;
ansi.url_allowlist = { http: 1, https: 1 };
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export function lineHtml(text) {
  let t = text.endsWith('\r') ? text.slice(0, -1) : text;
  const cr = t.lastIndexOf('\r');
  if (cr >= 0) t = t.slice(cr + 1);
  if (t.indexOf('\x1b') < 0) return escapeHtml(t);
  ansi.bold = ansi.faint = ansi.italic = ansi.underline = false;
  ansi.fg = ansi.bg = null;
  ansi._buffer = '';
  return ansi.ansi_to_html(t).replace(/<a href=/g, '<a rel="noopener noreferrer" target="_blank" href=');
}
