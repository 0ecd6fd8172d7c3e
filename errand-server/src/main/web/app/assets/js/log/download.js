// Download of a whole log as plain text: the lines the page holds, and any it cleared fetched
// again from the server, ANSI removed, optionally with timestamps.
import { api } from '../api.js';
import { LineStore } from './linestore.js';

/** Saves errand-<id>.log through the browser's download. Throws ApiError when a page cannot be fetched. */
export async function downloadLog(store, executionId, timestamps) {
  const held = store.toText(0, store.length, timestamps);
  const parts = store.firstSeq > 1 ? (await fetchText(executionId, 1, store.firstSeq, timestamps)).concat(held) : held;
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `errand-${executionId}.log`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// Lines [from, to) from the server, as text parts.
async function fetchText(executionId, from, to, timestamps) {
  const store = new LineStore();
  store.nextSeq = store.firstSeq = from;
  while (store.nextSeq < to) {
    const page = await api('GET', `/api/v1/executions/${executionId}/logs?from_seq=${store.nextSeq}&limit=10000`);
    if (store.append(page.lines.filter((l) => l.seq < to)).added === 0) break;
  }
  return store.toText(0, store.length, timestamps);
}
