// Times the peer sandbox (npm secure-exec@0.2.21, run by Node 22) on the workloads it supports, for the "peer"
// column of bench/results. Prints one JSON object on stdout: min / median / p95 ms per workload, and RSS per live VM.
// The peer logs to stderr: the caller discards it. Usage: PEER_DIR=bench/.peer node peer-bench.mjs [--quick] [--only k,k]
// (PEER_DIR holds node_modules/secure-exec; bench/run.sh installs it there.)
// Each workload has a time cap: it stops after the cap once it has at least one sample (the peer's shell can take
// tens of seconds per pipeline), and a run longer than the per-run timeout is recorded as timed out.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const peerDir = process.env.PEER_DIR ?? join(import.meta.dirname, "..", ".peer");
const entry = createRequire(join(peerDir, "package.json")).resolve("secure-exec");
const { createVm, shutdown } = await import(pathToFileURL(entry).href);

const quick = process.argv.includes("--quick");
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt > 0 ? new Set(process.argv[onlyAt + 1].split(",")) : null;
const capture = { output: { capture: "all" } };
// The whole run's time budget (the suite must finish in minutes even when the peer is slow): a workload not started
// by then is skipped, and a started one stops after its first sample.
const budgetEnd = performance.now() + (quick ? 60_000 : 300_000);

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { iterations: s.length, minMs: s[0], medianMs: at(0.5), p95Ms: at(0.95) };
}

function check(r, expected, what) {
  if (r.exitCode !== 0 || r.stdout.trim() !== expected)
    throw new Error(`${what}: exit ${r.exitCode}, stdout ${JSON.stringify(r.stdout)}, stderr ${JSON.stringify(r.stderr)}`);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(Object.assign(new Error(`${what}: over ${ms} ms`), { timeoutMs: ms })), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Warm-up runs discarded, then up to `iterations` timed runs, stopping early once `capMs` has passed. */
async function measure({ warmup, iterations, capMs, timeoutMs }, run) {
  const samples = [];
  const deadline = Math.min(performance.now() + capMs, budgetEnd);
  for (let i = 0; i < (quick ? 0 : warmup) && performance.now() < budgetEnd; i++) await withTimeout(run(), timeoutMs, "warm-up");
  for (let i = 0; i < (quick ? 1 : iterations); i++) {
    if (samples.length > 0 && performance.now() > deadline) break;
    const t = performance.now();
    await withTimeout(run(), timeoutMs, "run");
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

/** This process and its descendants (the peer's shared sidecar process), from /proc. */
function processTree(root) {
  const children = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch { /* the process exited meanwhile */ }
  }
  const out = [];
  const walk = (pid) => { out.push(pid); for (const c of children.get(pid) ?? []) walk(c); };
  walk(root);
  return out;
}

function treeRssMb() {
  let kb = 0;
  for (const pid of processTree(process.pid)) {
    try { kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0); } catch { /* exited */ }
  }
  return kb / 1024;
}

const vm = await createVm();
await vm.javascript.execute("console.log(1)", capture);
const workloads = {
  "exec-warm": () => measure({ warmup: 3, iterations: 30, capMs: 30_000, timeoutMs: 60_000 }, async () =>
    check(await vm.javascript.execute("console.log(1)", capture), "1", "console.log(1)")),
  "create-exec-dispose": () => measure({ warmup: 1, iterations: 10, capMs: 40_000, timeoutMs: 60_000 }, async () => {
    const fresh = await createVm();
    check(await fresh.javascript.execute("console.log(1)", capture), "1", "console.log(1)");
    await fresh.dispose();
  }),
  "shell-echo-wc": () => measure({ warmup: 2, iterations: 20, capMs: 30_000, timeoutMs: 60_000 }, async () =>
    check(await vm.process.exec("echo hello | wc -c", capture), "6", "echo hello | wc -c")),
  // Timed inside the guest like ours: one execute runs the calls and reports each call's time.
  "child-sh": async () => {
    const iterations = quick ? 1 : 15, warmup = quick ? 0 : 2, capMs = Math.min(30_000, Math.max(0, budgetEnd - performance.now()));
    const code = `const { execFileSync } = require("node:child_process");
      const samples = [], start = performance.now();
      for (let i = 0; i < ${warmup + iterations}; i++) {
        if (samples.length > 0 && performance.now() - start > ${capMs}) break;
        const t = performance.now();
        if (String(execFileSync("sh", ["-c", "echo hi"])) !== "hi\\n") throw new Error("execFileSync: wrong output");
        if (i >= ${warmup}) samples.push(performance.now() - t);
      }
      console.log(JSON.stringify(samples));`;
    const r = await withTimeout(vm.javascript.execute(code, capture), 120_000, "child-sh");
    if (r.exitCode !== 0) throw new Error(`child-sh: exit ${r.exitCode}: ${r.stderr}`);
    return stats(JSON.parse(r.stdout));
  },
  // Last: a pipeline that timed out may still be running in the sidecar.
  "shell-seq-sort": () => measure({ warmup: 0, iterations: 3, capMs: 45_000, timeoutMs: 60_000 }, async () =>
    check(await vm.process.exec("seq 1 100000 | sort -n | tail -1", { ...capture, timeoutMs: 60_000 }), "100000", "seq | sort | tail")),
};

const result = { peer: "secure-exec@0.2.21", node: process.version, quick, workloads: {}, memory: null };

// First, while the sidecar is fresh: RSS of this process and the sidecar per live VM, N VMs each used once, over
// the tree with one warm VM (measured after the workloads, the sidecar had returned memory and the delta went negative).
if (only ? only.has("memory") : !quick) {
  const count = 10;
  const live = [];
  try {
    const before = treeRssMb();
    for (let i = 0; i < count; i++) {
      const v = await createVm();
      live.push(v);
      check(await v.javascript.execute("console.log(1)", capture), "1", "console.log(1)");
    }
    await new Promise((r) => setTimeout(r, 200));
    result.memory = { vms: count, rssMbPerVm: (treeRssMb() - before) / count };
  } catch (e) {
    result.memory = { vms: count, error: String(e.message ?? e).split("\n")[0] };
  }
  for (const v of live) await v.dispose().catch(() => {});
}

// --quick (a smoke check) runs two cheap workloads once: the peer's first shell or child call alone can take 10 s.
const selected = only ?? (quick ? new Set(["exec-warm", "shell-echo-wc"]) : null);
for (const [key, run] of Object.entries(workloads)) {
  if (selected && !selected.has(key)) continue;
  if (performance.now() > budgetEnd) {
    result.workloads[key] = { error: "skipped: the peer run was over its time budget", skipped: true };
    continue;
  }
  try {
    result.workloads[key] = await run();
  } catch (e) {
    // A timeout is a result too: the peer's median is then above timeoutMs.
    result.workloads[key] = { error: String(e.message ?? e).split("\n")[0], timedOut: e.timeoutMs !== undefined, timeoutMs: e.timeoutMs ?? null };
  }
}

process.stdout.write(JSON.stringify(result) + "\n");
await withTimeout(vm.dispose(), 10_000, "dispose").catch(() => {});
await withTimeout(shutdown(), 10_000, "shutdown").catch(() => {});
process.exit(0);
