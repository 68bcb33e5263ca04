/** A minimal client of the service's HTTP API for the demo and the benchmarks. */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  /**
   * One request. A connection the server closed while idle is retried once: every call made here is safe to
   * repeat (intake answers "unchanged", a second run request joins the running one).
   */
  async call<T = any>(method: string, path: string, key: string, body?: unknown): Promise<T> {
    const send = () =>
      fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    const res = await send().catch((err: { cause?: { code?: string } }) => {
      if (err?.cause?.code === 'UND_ERR_SOCKET' || err?.cause?.code === 'ECONNRESET') return send();
      throw err;
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  async waitUntilUp(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      try {
        if ((await fetch(`${this.baseUrl}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`no service answers at ${this.baseUrl}/health`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async createKey(adminKey: string, organization: string, country: 'MX' | 'GT', roles: string[]): Promise<string> {
    return (await this.call<{ key: string }>('POST', '/api/v1/api-keys', adminKey, { organization, country, roles })).key;
  }

  /** Creates a personal account for the review console; answers its id. */
  async createAccount(adminKey: string, account: { email: string; password: string; displayName: string; organization: string; country: 'MX' | 'GT'; roles: string[] }): Promise<string> {
    return (await this.call<{ id: string }>('POST', '/api/v1/accounts', adminKey, account)).id;
  }

  /** Sends records through the batch API, 1,000 a call, `parallel` calls in flight. Returns how many failed. */
  async ingest(path: string, key: string, bodies: Record<string, unknown>[], parallel = 2): Promise<number> {
    const batches: Record<string, unknown>[][] = [];
    for (let i = 0; i < bodies.length; i += 1000) batches.push(bodies.slice(i, i + 1000));
    let failed = 0;
    const worker = async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        // Awaited first: `failed += await …` would read `failed` before the await and lose the other worker's count.
        const { summary } = await this.call<{ summary: { failed: number } }>('POST', path, key, { records: batch });
        failed += summary.failed;
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    return failed;
  }

  /** Starts a matching run and waits for it to end. */
  async runMatching(adminKey: string, mode: 'full' | 'incremental'): Promise<any> {
    const { run } = await this.call<{ run: { id: string } }>('POST', '/api/v1/matching/runs', adminKey, { mode });
    return this.waitForRun(adminKey, run.id);
  }

  async waitForRun(key: string, id: string): Promise<any> {
    for (;;) {
      const run = await this.call<{ status: string }>('GET', `/api/v1/matching/runs/${id}`, key);
      if (run.status !== 'running') return run;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
