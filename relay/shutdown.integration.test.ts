import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../shared/protocol/index.ts';
import { RelayClient } from '../testing/relay-client.ts';
import { startTestRelay } from '../testing/relay.ts';
import { startSshd } from '../testing/sshd.ts';

describe('stopping the relay', () => {
  it('tells every session why, closes its SSH connection, and stops listening', async () => {
    const [sshd, relay] = await Promise.all([startSshd(), startTestRelay()]);
    try {
      const client = await RelayClient.connect({
        url: relay.url,
        answers: { hostKey: () => true, auth: () => [sshd.user.password] },
      });
      client.open({ host: sshd.host, port: sshd.port, user: sshd.user.name });
      await client.waitFor('ready');

      await relay.close();
      expect(await client.ended).toMatchObject({
        kind: 'error',
        frame: { code: 'relay.shutting_down', retryable: true },
        closeCode: CLOSE_CODES.goingAway,
      });
      await expect(fetch(`${relay.origin}/_ping`)).rejects.toThrow();
    } finally {
      await sshd.stop();
    }
  });
});
