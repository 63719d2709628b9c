// The Node.js @infisical/sdk against the same local server, printing the same JSON lines as the .NET side:
//   node peer-bench.mjs load URL CONCURRENCY SECONDS    get-by-name closed loop, then (at concurrency 1) a list of 1,000
//   node peer-bench.mjs first-call URL                  login + first get, timed from the process's time origin
// Names and ids mirror benchmarks/Shared/BenchSeed.cs.
import { performance } from "node:perf_hooks";
const toMain = performance.now();
const { InfisicalSDK } = await import("@infisical/sdk");

const seed = {
  clientId: "bench-client-id",
  clientSecret: "bench-client-secret-not-for-production",
  projectId: "5b0c1a52-7a3e-4f0e-9d61-2f1c8a7b9e10",
  environment: "dev",
};
const getOptions = { projectId: seed.projectId, environment: seed.environment, secretPath: "/get", secretName: "GET_SECRET_7" };
const listOptions = { projectId: seed.projectId, environment: seed.environment, secretPath: "/n1000" };

async function login(url) {
  const sdk = new InfisicalSDK({ siteUrl: url });
  await sdk.auth().universalAuth.login({ clientId: seed.clientId, clientSecret: seed.clientSecret });
  return sdk;
}

function line(op, c, ms, seconds) {
  ms.sort((a, b) => a - b);
  const at = (p) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] : 0);
  return JSON.stringify({ client: "node-sdk", op, c, calls: ms.length, p50_ms: +at(0.5).toFixed(4), p99_ms: +at(0.99).toFixed(4), per_s: +(ms.length / seconds).toFixed(1) });
}

async function loop(call, concurrency, seconds) {
  const stopAt = performance.now() + seconds * 1000;
  const ms = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    let now;
    while ((now = performance.now()) < stopAt) {
      await call();
      ms.push(performance.now() - now);
    }
  }));
  return { ms, seconds: (performance.now() - started) / 1000 };
}

const [mode, url, cText, secondsText] = process.argv.slice(2);
const sdk = await login(url);
const get = () => sdk.secrets().getSecret(getOptions);
if (mode === "load") {
  const c = Number(cText);
  await loop(get, c, 1);
  const run = await loop(get, c, Number(secondsText));
  console.log(line("get", c, run.ms, run.seconds));
  if (c === 1) {
    const list = () => sdk.secrets().listSecrets(listOptions);
    await list(); await list();
    const ms = [];
    const started = performance.now();
    for (let i = 0; i < 15; i++) { const s = performance.now(); await list(); ms.push(performance.now() - s); }
    console.log(line("list1000", 1, ms, (performance.now() - started) / 1000));
  }
} else if (mode === "first-call") {
  const afterLogin = performance.now();
  await get();
  const afterGet = performance.now();
  await get();
  const second = performance.now() - afterGet;
  console.log(JSON.stringify({ client: "node-sdk", op: "first-call", to_main_ms: +toMain.toFixed(1), login_ms: +(afterLogin - toMain).toFixed(1),
    first_get_ms: +(afterGet - afterLogin).toFixed(1), second_get_ms: +second.toFixed(3), total_ms: +afterGet.toFixed(1) }));
} else {
  console.error("usage: node peer-bench.mjs load URL C SECONDS | first-call URL");
  process.exit(2);
}
