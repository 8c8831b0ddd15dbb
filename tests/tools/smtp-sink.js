// A real SMTP server on loopback for the tests: it accepts every message and writes it,
// byte for byte, as an .eml file into the folder given. Recipients whose address starts
// with "bounce" are refused with a permanent 550, as a real server refuses an unknown mailbox.
// Usage: node smtp-sink.js --port 2525 --dir /tmp/mail   (prints "listening PORT" when ready)
'use strict';
const { SMTPServer } = require('smtp-server');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = arg('dir', path.join(process.cwd(), 'mail'));
const port = Number(arg('port', '0'));
fs.mkdirSync(dir, { recursive: true });

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, session, callback) {
    if (address.address.toLowerCase().startsWith('bounce')) {
      const err = new Error('Mailbox unavailable');
      err.responseCode = 550;
      return callback(err);
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const name = `${Date.now()}-${crypto.randomBytes(6).toString('hex')}`;
      const tmp = path.join(dir, `${name}.tmp`);
      fs.writeFileSync(tmp, Buffer.concat(chunks));
      fs.renameSync(tmp, path.join(dir, `${name}.eml`));
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () => {
  console.log(`listening ${server.server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
