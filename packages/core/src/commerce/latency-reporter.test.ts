import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { connectedClient, disposeClients, fastReconnect, recordingWebSocket, sleep, until, type SocketRecord } from '../test/helpers.js';
import { LatencyReporter } from './latency-reporter.js';

function reports(record: SocketRecord): { id: string; latencyMs: number }[] {
  return record.sent.filter((frame) => frame.t === 'latency.report') as unknown as { id: string; latencyMs: number }[];
}

function ackOf(record: SocketRecord, id: string): { ok: boolean } | undefined {
  return record.received.find((frame) => frame.t === 'ack' && frame.id === id) as { ok: boolean } | undefined;
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('latency reporting', () => {
  afterEach(() => disposeClients());

  it('reports to the real server, which accepts it; small changes are not sent, big ones at most once a second', async () => {
    const record = recordingWebSocket();
    const client = await connectedClient({ WebSocket: record.WebSocket });
    client.reportLatency(300);
    await waitFor(() => reports(record).length === 1, 'the first report');
    const first = reports(record)[0]!;
    expect(first.latencyMs).to.equal(300);
    await waitFor(() => ackOf(record, first.id) !== undefined, 'its ack');
    expect(ackOf(record, first.id)!.ok).to.equal(true, 'the server accepted the report');
    expect(client.reportedLatencyMs).to.equal(300);

    client.reportLatency(380); // within 100 ms of the last report: not worth a frame
    await sleep(50);
    expect(reports(record)).to.have.length(1);

    const changedAt = performance.now();
    client.reportLatency(4_000); // a real change, but inside the second after the last report
    await sleep(100);
    expect(reports(record)).to.have.length(1, 'not sent at once: the last report was under a second ago');
    client.reportLatency(4_100); // newer value replaces the waiting one
    await waitFor(() => reports(record).length === 2, 'the paced report', 3_000);
    expect(performance.now() - changedAt).to.be.greaterThan(600);
    expect(reports(record)[1]!.latencyMs).to.equal(4_100);
    const second = reports(record)[1]!;
    await waitFor(() => ackOf(record, second.id) !== undefined, 'its ack');
    expect(ackOf(record, second.id)!.ok).to.equal(true, 'the paced report stays inside the server\'s rate limit');
  });

  it('reports again after a reconnect (the server keeps it per connection)', async () => {
    const record = recordingWebSocket();
    const client = await connectedClient({ WebSocket: record.WebSocket, reconnect: fastReconnect });
    client.reportLatency(1_234);
    await waitFor(() => reports(record).length === 1, 'the first report');
    await executeServerCommand('live-shop-restart', {});
    await until(client.$connection, (state) => state.status === 'reconnecting');
    await until(client.$connection, (state) => state.status === 'open', 20_000);
    await waitFor(() => reports(record).length === 2, 'the report on the new connection');
    expect(reports(record)[1]!.latencyMs).to.equal(1_234);
    expect(record.sockets.length).to.be.at.least(2);
  });

  it('paces and clamps on its own clock', async () => {
    let now = 0;
    const sent: number[] = [];
    const reporter = new LatencyReporter({ send: (ms) => sent.push(ms), now: () => now, intervalMs: 1_000 });
    reporter.update(500);
    expect(sent).to.deep.equal([], 'nothing before the connection');
    reporter.connected();
    expect(sent).to.deep.equal([500]);
    reporter.update(99_999);
    expect(sent).to.deep.equal([500], 'paced');
    now = 1_000;
    await sleep(1_050);
    expect(sent).to.deep.equal([500, 15_000], 'clamped to the protocol bound, sent when the second ended');
    reporter.update(Number.NaN);
    reporter.update(null);
    reporter.disconnected();
    reporter.update(100);
    await sleep(20);
    expect(sent).to.have.length(2, 'nothing while disconnected');
    now = 5_000;
    reporter.connected();
    expect(sent).to.deep.equal([500, 15_000, 100], 'reported at once on the new connection');
    reporter.dispose();
  });
});
