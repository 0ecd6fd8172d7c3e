// Log lines kept compactly for the virtual view: chunks of lines whose texts, once a chunk is
// full, are joined into one string with an offset table, plus typed arrays for times and
// streams. A million lines cost about their text's size plus 13 bytes each. Line index i
// (0-based) holds seq firstSeq + i: the server sends seqs without gaps, and the store refuses a
// gap (the stream then reconnects from nextSeq). No DOM here, so Node's test runner tests it.

export const STREAMS = ['STDOUT', 'STDERR', 'SYSTEM'];
/** What marks Errand's own (SYSTEM) notes, stored without one, wherever a log is shown: as the CLI and text/plain do. */
export const SYSTEM_MARKER = '[errand] ';
const STREAM_INDEX = { STDOUT: 0, STDERR: 1, SYSTEM: 2 };
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/** The text without ANSI escape sequences (colours, cursor moves, OSC hyperlinks' markup). */
export function stripAnsi(text) {
  return text.indexOf('\x1b') < 0 ? text : text.replace(ANSI, '');
}

/** A literal search as a global RegExp; null for an empty query. */
export function searchPattern(query, caseSensitive = false) {
  if (!query) return null;
  return new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), caseSensitive ? 'g' : 'gi');
}

class Chunk {
  constructor(size) {
    this.open = [];
    this.joined = null;
    this.offsets = null;
    this.hasEscapes = false;
    this.times = new Float64Array(size);
    this.streams = new Uint8Array(size);
    this.count = 0;
  }

  text(i) {
    return this.joined === null ? this.open[i] : this.joined.substring(this.offsets[i], this.offsets[i + 1] - 1);
  }

  seal() {
    const offsets = new Uint32Array(this.count + 1);
    let at = 0;
    for (let i = 0; i < this.count; i++) {
      offsets[i] = at;
      at += this.open[i].length + 1;
    }
    offsets[this.count] = at;
    this.joined = this.open.join('\n') + '\n';
    this.hasEscapes = this.joined.indexOf('\x1b') >= 0;
    this.offsets = offsets;
    this.open = null;
  }
}

export class LineStore {
  constructor(chunkSize = 4096) {
    this.chunkSize = chunkSize;
    this.chunks = [];
    this.length = 0;
    this.firstSeq = 1;
    this.nextSeq = 1;
  }

  /**
   * Appends lines in ascending seq ({seq, ts, stream, text}); lines below nextSeq (already held)
   * are skipped.
   * @returns {{added: number, gapAt: number|null}} gapAt: the seq after a gap, where it stopped
   */
  append(lines) {
    let added = 0;
    for (const line of lines) {
      if (line.seq < this.nextSeq) continue;
      if (line.seq > this.nextSeq) return { added, gapAt: line.seq };
      let chunk = this.chunks[this.chunks.length - 1];
      if (!chunk || chunk.count === this.chunkSize) {
        if (chunk) chunk.seal();
        chunk = new Chunk(this.chunkSize);
        this.chunks.push(chunk);
      }
      const i = chunk.count++;
      chunk.open.push(line.text);
      chunk.times[i] = Date.parse(line.ts);
      chunk.streams[i] = STREAM_INDEX[line.stream] ?? 0;
      this.length++;
      this.nextSeq++;
      added++;
    }
    return { added, gapAt: null };
  }

  /** Forgets every line held (the view's Clear); the stream goes on from nextSeq. */
  clear() {
    this.chunks = [];
    this.length = 0;
    this.firstSeq = this.nextSeq;
  }

  seq(i) { return this.firstSeq + i; }
  text(i) { return this.chunks[Math.floor(i / this.chunkSize)].text(i % this.chunkSize); }
  time(i) { return this.chunks[Math.floor(i / this.chunkSize)].times[i % this.chunkSize]; }
  stream(i) { return STREAMS[this.chunks[Math.floor(i / this.chunkSize)].streams[i % this.chunkSize]]; }

  /**
   * Finds the lines in [from, to) whose text, without ANSI sequences, matches the pattern from
   * searchPattern().
   * @returns {Int32Array} line indexes in ascending order
   */
  search(pattern, from = 0, to = this.length) {
    let out = new Int32Array(64);
    let n = 0;
    const push = (index) => {
      if (n === out.length) {
        const grown = new Int32Array(out.length * 2);
        grown.set(out);
        out = grown;
      }
      out[n++] = index;
    };
    const test = new RegExp(pattern.source, pattern.flags.replace('g', ''));
    for (let c = Math.floor(from / this.chunkSize); c < this.chunks.length; c++) {
      const chunk = this.chunks[c];
      const base = c * this.chunkSize;
      const start = Math.max(0, from - base);
      const end = Math.min(chunk.count, to - base);
      if (end <= 0) break;
      if (chunk.joined === null || chunk.hasEscapes) {
        for (let i = start; i < end; i++) if (test.test(stripAnsi(chunk.text(i)))) push(base + i);
        continue;
      }
      const re = new RegExp(pattern.source, pattern.flags);
      re.lastIndex = chunk.offsets[start];
      let m;
      while ((m = re.exec(chunk.joined)) !== null) {
        const i = lineAt(chunk.offsets, chunk.count, m.index);
        if (i >= end) break;
        push(base + i);
        re.lastIndex = chunk.offsets[i + 1];
      }
    }
    return out.subarray(0, n);
  }

  /**
   * The lines [from, to) as text for a download: one per line, ANSI removed, Errand's notes
   * marked with SYSTEM_MARKER, optionally timed.
   */
  toText(from = 0, to = this.length, timestamps = false) {
    const parts = [];
    for (let i = from; i < to; i++) {
      const text = (this.stream(i) === 'SYSTEM' ? SYSTEM_MARKER : '') + stripAnsi(this.text(i));
      parts.push(timestamps ? new Date(this.time(i)).toISOString() + ' ' + text + '\n' : text + '\n');
    }
    return parts;
  }
}

// The line whose [offsets[i], offsets[i+1]) holds position pos (binary search).
function lineAt(offsets, count, pos) {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
