import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startServer } from './server';

void describe('preview server', () => {
  void it('tells the page which org to open: a large one with --scale, else the sample', async () => {
    for (const scale of ['enterprise', null]) {
      const server = await startServer({ port: 0, scale });
      try {
        const response = await fetch(`${server.url}preview/config.json`);
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), { scale });
      } finally {
        await server.close();
      }
    }
  });
});
