// Starts and stops a real `parcours` server on a throw-away SQLite database.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';

/** Runs the CLI, resolves with its stdout; rejects with its stderr on a non-zero exit. */
export function runCli(bin, args, { input, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${bin}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else {
        const shown = args.map((a) => (a.includes(' ') ? JSON.stringify(a) : a)).join(' ');
        reject(new Error(`\`parcours ${shown}\` failed (exit ${code ?? signal}):\n${stderr.trim() || stdout.trim()}`));
      }
    });
    child.stdin.end(input ?? '');
  });
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function startServer({ bin, db, port, webRoot, logPath }) {
  const log = createWriteStream(logPath);
  const child = spawn(bin, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--web-root', webRoot], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.on('error', () => {});
  return { child, exited, logPath, baseUrl: `http://127.0.0.1:${port}` };
}

export async function waitHealthy(server, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let exit = null;
  server.exited.then((e) => (exit = e));
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    if (exit !== null) {
      throw new Error(`the server exited (${exit.code ?? exit.signal}) before answering /healthz:\n${await tail(server.logPath)}`);
    }
    try {
      const response = await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return await response.json();
      lastError = `HTTP ${response.status}`;
    } catch (err) {
      lastError = err.cause?.code ?? err.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/healthz did not answer 200 within ${timeoutMs} ms (${lastError}):\n${await tail(server.logPath)}`);
}

export async function stopServer(server, graceMs = 5_000) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
  await server.exited;
  clearTimeout(timer);
}

export async function tail(path, lines = 40) {
  try {
    const text = await readFile(path, 'utf8');
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}
