// A real S3-compatible object store on loopback for the tests (s3rver keeps objects as files in a folder
// and accepts the access key S3RVER, secret S3RVER; it refuses other access keys).
//
//   node --openssl-legacy-provider s3-server.js --port 9000 --dir /tmp/objects --buckets hub,restored
//
// (s3rver makes listing continuation tokens with a cipher that OpenSSL 3 keeps in its legacy provider.)
// S3_VERBOSE=1 in the environment logs every request.
//
// Prints "listening PORT" once the buckets exist and the port answers. It exits when its standard input
// closes, so it never outlives the test process that started it, however that process ended.
'use strict';
const S3rver = require('s3rver');
const fs = require('fs');

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

const dir = arg('dir');
fs.mkdirSync(dir, { recursive: true });
const server = new S3rver({
  address: '127.0.0.1',
  port: Number(arg('port', '0')),
  directory: dir,
  silent: process.env.S3_VERBOSE ? false : true,
  configureBuckets: (arg('buckets', 'hub')).split(',').filter(b => b).map(name => ({ name })),
});

server.run().then(({ port }) => {
  process.stdout.write(`listening ${port}\n`);
}, err => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});

process.stdin.on('end', () => server.close().finally(() => process.exit(0)));
process.stdin.resume();
