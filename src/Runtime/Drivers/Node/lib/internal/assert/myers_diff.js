// node:internal/assert/myers_diff — the line diff under AssertionError messages: Myers' shortest edit script
// over the inspected lines, printed as Node 22 prints it ("+ actual", "- expected", long common runs cut to "...").
'use strict';

const NOP = 0;
const INSERT = 1; // a line only in actual
const DELETE = -1; // a line only in expected
const kKeepCommon = 5; // common lines printed before a run is cut (Node's kNopLinesToCollapse)

// Object lines may differ only by a trailing comma (the last property of one side).
function sameLine(a, b, commas) {
  return a === b || (commas && (a + ',' === b || a === b + ','));
}

/** The edit script as [op, line] pairs, last edit first (Node's order). */
function myersDiff(actual, expected, commas = false) {
  const n = actual.length;
  const m = expected.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 1); // furthest x on each diagonal k, at index k + max
  const trace = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[k - 1 + max] < v[k + 1 + max]) ? v[k + 1 + max] : v[k - 1 + max] + 1;
      let y = x - k;
      while (x < n && y < m && sameLine(actual[x], expected[y], commas)) { x++; y++; }
      v[k + max] = x;
      if (x >= n && y >= m) return backtrack(trace, actual, expected, commas);
    }
  }
  return [];
}

function backtrack(trace, actual, expected, commas) {
  const max = actual.length + expected.length;
  let x = actual.length;
  let y = expected.length;
  const edits = [];
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[k - 1 + max] < v[k + 1 + max]) ? k + 1 : k - 1;
    const prevX = v[prevK + max];
    const prevY = prevX - prevK;
    for (; x > prevX && y > prevY; x--, y--) {
      // a common line shows the side that carries the comma
      const line = actual[x - 1];
      edits.push([NOP, commas && !line.endsWith(',') ? expected[y - 1] : line]);
    }
    if (d > 0) edits.push(x > prevX ? [INSERT, actual[--x]] : [DELETE, expected[--y]]);
  }
  return edits;
}

/** The printed diff ("\n"-prefixed) and whether common lines were cut. */
function printMyersDiff(edits) {
  let out = '';
  let skipped = false;
  let common = 0; // length of the current run of common lines
  for (let i = edits.length - 1; i >= 0; i--) {
    const [op, line] = edits[i];
    if (i < edits.length - 1 && edits[i + 1][0] === NOP && op !== NOP) {
      // a run's last lines come back before the next change; up to two are printed instead of "..."
      if (common === kKeepCommon + 1) out += `  ${edits[i + 1][1]}\n`;
      else if (common === kKeepCommon + 2) out += `  ${edits[i + 2][1]}\n  ${edits[i + 1][1]}\n`;
      else if (common > kKeepCommon + 2) { out += `...\n  ${edits[i + 1][1]}\n`; skipped = true; }
      common = 0;
    }
    if (op === INSERT) out += `+ ${line}\n`;
    else if (op === DELETE) out += `- ${line}\n`;
    else {
      if (common < kKeepCommon) out += `  ${line}\n`;
      common++;
    }
  }
  return { message: `\n${out.trimEnd()}`, skipped };
}

module.exports = { myersDiff, printMyersDiff };
