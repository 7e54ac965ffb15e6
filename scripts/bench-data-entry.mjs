// The data-entry page with seed 000 (docs/benchmarks.md, "Data-entry page with seed 000"): signs ana in, opens
// /ui/tipo.html?tipo=poa-execution-form afresh RUNS+1 times (the first warms the cache and is not counted), loads
// examples/poa-execution-form/senavex-2020-julio.json with SelloEditor.setData and prints, in ms since navigation
// start: form ready, setData, interactive (first task after the next frame), all rows built, the longest build step,
// and the renderer processes' CPU time (utime+stime) from navigation to all built. Needs node 18+, chromium and
// chromedriver, and a running service:  node scripts/bench-data-entry.mjs http://localhost:8080 6 [profile]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
const base = process.argv[2], runs = Number(process.argv[3] || 5), profile = process.argv[4] === 'profile';
const port = 9700 + Math.floor(Math.random() * 200);
const drv = spawn('/usr/bin/chromedriver', ['--port=' + port], { stdio: 'ignore' });
await new Promise(r => setTimeout(r, 800));
const D = 'http://127.0.0.1:' + port;
async function call(method, path, body) {
  const r = await fetch(D + path, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  const j = await r.json(); if (j.value && j.value.error) throw new Error(JSON.stringify(j.value).slice(0, 500)); return j.value;
}
const s = await call('POST', '/session', { capabilities: { alwaysMatch: { 'goog:chromeOptions': { binary: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--lang=es-BO', '--window-size=1280,900'] } } } });
const sid = s.sessionId, S = p => '/session/' + sid + p;
const exec = (script, args = []) => call('POST', S('/execute/sync'), { script, args });
const execAsync = (script, args = []) => call('POST', S('/execute/async'), { script, args });
const cdp = (cmd, params = {}) => call('POST', S('/goog/cdp/execute'), { cmd, params });
const go = url => call('POST', S('/url'), { url });
import { execSync } from 'node:child_process';
function cpu() { refreshMine(); // renderer processes' utime+stime in ms
  const out = execSync("for p in $(pgrep -f 'type=renderer'); do if grep -q 'remote-debugging-port' /proc/$p/cmdline 2>/dev/null || true; then cat /proc/$p/stat 2>/dev/null; fi; done").toString();
  let t = 0; for (const line of out.split('\n').filter(Boolean)) { const f = line.slice(line.lastIndexOf(')') + 2).split(' '); const ppidChain = f[1]; if (!mine.has(Number(line.split(' ')[0]))) continue; t += Number(f[11]) + Number(f[12]); }
  return t * 10;
}
let mine = new Set();
function refreshMine() { const all = execSync('ps -e -o pid=,ppid=').toString().trim().split('\n').map(l => l.trim().split(/\s+/).map(Number));
  const set = new Set([drv.pid]); let grew = true; while (grew) { grew = false; for (const [p, pp] of all) if (set.has(pp) && !set.has(p)) { set.add(p); grew = true; } } mine = set; }
const sleep = ms => new Promise(r => setTimeout(r, ms));
async function waitReady() { for (let i = 0; i < 300; i++) { if (await exec('return document.body && document.body.dataset.ready')) return; await sleep(50); } throw new Error('not ready'); }
try {
  await call('POST', S('/timeouts'), { script: 60000 });
  await go(base + '/login?continue=/ui/index.html');
  await exec("document.getElementById('username').value='ana'; document.getElementById('password').value='ana-dev'; document.getElementById('login').click();");
  await sleep(1500);
  refreshMine();
  const seed = readFileSync('examples/poa-execution-form/senavex-2020-julio.json', 'utf8');
  const rows = [];
  for (let i = 0; i < runs + 1; i++) {
    await go(base + '/ui/index.html'); await exec('localStorage.clear()');
    if (profile && i === runs) { await cdp('Profiler.enable'); await cdp('Profiler.setSamplingInterval', { interval: 200 }); await cdp('Profiler.start'); }
    const c0 = cpu();
    await go(base + '/ui/tipo.html?tipo=poa-execution-form'); await waitReady();
    const m = await execAsync("const done = arguments[arguments.length - 1]; const t0 = performance.now();"
      + "SelloEditor.setData(SelloForm.parseExact(arguments[0])); const t1 = performance.now(); window.__early = JSON.stringify(SelloEditor.getData());"
      + "requestAnimationFrame(() => setTimeout(() => { const t3 = performance.now(); (SelloEditor.built ? SelloEditor.built() : Promise.resolve()).then(() => requestAnimationFrame(() => setTimeout(() => done([SelloEditor.timings.formReady, t0, t1, t3, document.querySelectorAll('input,select,textarea').length, 'all built ' + performance.now().toFixed(0) + ' longest step ' + (SelloEditor.loadTimings ? SelloEditor.loadTimings().longestStep.toFixed(0) : '-') + ' activities ' + SelloEditor.getData().activities.length + ' getData unchanged by the build ' + (window.__early === JSON.stringify(SelloEditor.getData()))]), 0))); }, 0));", [seed]);
    if (profile && i === runs) {
      const { profile: p } = await cdp('Profiler.stop');
      const self = new Map(); const byId = new Map(p.nodes.map(n => [n.id, n]));
      const dt = p.timeDeltas; const counts = new Map();
      p.samples.forEach((id, k) => counts.set(id, (counts.get(id) || 0) + (dt[k] || 0)));
      for (const [id, us] of counts) { const n = byId.get(id); const key = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').pop() + ':' + n.callFrame.lineNumber; self.set(key, (self.get(key) || 0) + us); }
      console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => (v / 1000).toFixed(0) + ' ms ' + k).join('\n'));
    }
    m.push(cpu() - c0);
    if (i === runs) console.log(await exec("const n = performance.getEntriesByType('navigation')[0]; return [ 'resp ' + n.responseEnd.toFixed(0), 'dcl ' + n.domContentLoadedEventEnd.toFixed(0)].concat(performance.getEntries().filter(e => e.entryType !== 'navigation').map(e => e.entryType[0] + ' ' + e.name.split('/').slice(-2).join('/') + ' ' + e.startTime.toFixed(0) + (e.responseEnd ? '-' + e.responseEnd.toFixed(0) : ''))).join('\\n')"));
    if (i > 0 || runs === 0) rows.push(m); // first run warms the cache
    console.log(`ready ${m[0].toFixed(0)} setData ${(m[2] - m[1]).toFixed(0)} interactive ${m[3].toFixed(0)} inputs ${m[4]} cpu ${m[6]} ${m[5]}`);
  }
  const med = a => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log('median ready', med(rows.map(r => r[0])).toFixed(0), 'setData', med(rows.map(r => r[2] - r[1])).toFixed(0), 'interactive', med(rows.map(r => r[3])).toFixed(0), 'cpu', med(rows.map(r => r[6])), 'all cpu', rows.map(r => r[6]).join(' '));
} finally { await call('DELETE', S('')).catch(() => {}); drv.kill(); }
