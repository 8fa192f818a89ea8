// Runs the official redis npm client against a server: node check.mjs <port>.
// For each protocol setting (the client's default, which is RESP3 and sends HELLO 3, then RESP 2 and RESP 3 given
// explicitly) it connects without reconnecting, runs string commands and a MULTI/EXEC, checks every result, and
// prints one line per setting. Any failure is printed and the exit code is 1.
import assert from 'node:assert/strict';
import { createClient } from 'redis';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node check.mjs <port>');
  process.exit(2);
}

async function check(label, protocol) {
  const options = { socket: { host: '127.0.0.1', port, reconnectStrategy: false, connectTimeout: 10000 } };
  if (protocol !== undefined) {
    options.RESP = protocol;
  }

  const client = createClient(options);
  client.on('error', () => {});
  await client.connect();
  try {
    const prefix = `node:${label}:`;
    assert.equal(await client.set(prefix + 'k', 'hello'), 'OK');
    assert.equal(await client.get(prefix + 'k'), 'hello');
    assert.equal(await client.get(prefix + 'missing'), null);
    assert.deepEqual(await client.mGet([prefix + 'k', prefix + 'missing']), ['hello', null]);
    assert.equal(await client.append(prefix + 'k', ' world'), 11);
    assert.equal(await client.incr(prefix + 'n'), 1);
    assert.equal(await client.incrBy(prefix + 'n', 10), 11);
    assert.equal(String(await client.incrByFloat(prefix + 'f', 1.5)), '1.5');
    assert.equal(await client.expire(prefix + 'k', 100), 1);
    assert.equal(await client.ttl(prefix + 'k'), 100);
    assert.equal(await client.exists([prefix + 'k', prefix + 'missing']), 1);
    assert.deepEqual(await client.configGet('appendonly'), { appendonly: 'no' });

    const replies = await client.multi()
      .set(prefix + 'tx', 'v')
      .incr(prefix + 'tx:count')
      .get(prefix + 'tx')
      .get(prefix + 'missing')
      .exec();
    assert.deepEqual(replies, ['OK', 1, 'v', null]);

    const hello = await client.sendCommand(['HELLO']);
    const proto = hello instanceof Map ? hello.get('proto') : Array.isArray(hello) ? hello[hello.indexOf('proto') + 1] : hello.proto;
    const expected = protocol ?? 3;
    assert.equal(Number(proto), expected, `HELLO says proto ${proto}`);
    assert.equal(await client.del([prefix + 'k', prefix + 'n', prefix + 'f', prefix + 'tx', prefix + 'tx:count']), 5);
    console.log(`${label}: ok (proto ${proto})`);
  } finally {
    await client.quit();
  }
}

let failed = false;
for (const [label, protocol] of [['default', undefined], ['resp2', 2], ['resp3', 3]]) {
  try {
    await check(label, protocol);
  } catch (error) {
    failed = true;
    console.log(`${label}: FAILED ${error?.stack ?? error}`);
  }
}

process.exit(failed ? 1 : 0);
