// A real SMTP server on loopback for the tests: it accepts every message and writes it,
// byte for byte, as an .eml file into a folder. Recipients whose address starts with "bounce"
// are refused with a permanent 550, as a real server refuses an unknown mailbox.
//
// Two ways to run it:
//   node smtp-sink.js --port 2525 --dir /tmp/mail    one server; prints "listening PORT" when ready
//   node smtp-sink.js --serve                         many servers in one process, opened and closed
//     by lines on standard input: "open DIR" answers "opened PORT", "close PORT" answers "closed PORT".
//     "slow PORT MS" makes that server wait MS milliseconds before greeting each connection (so a burst of
//     mail takes a while); "hold PORT" makes it greet no new connection at all and write an empty
//     "<time>.held" file into its folder for each one it holds, so a test knows the sender is in the middle
//     of a send (connected, waiting) and nothing of that message has arrived. Both answer "ok PORT".
//     The test suite starts one such process and gives each test hub its own port and folder: a
//     node start per test cost more than the server itself. It exits when its standard input closes
//     (the test process ended, however it ended).
'use strict';
const { SMTPServer } = require('smtp-server');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const readline = require('readline');

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

function open(dir, port, ready) {
  fs.mkdirSync(dir, { recursive: true });
  const manner = { slowMs: 0, hold: false };
  const server = new SMTPServer({
    authOptional: true,
    closeTimeout: 1000, // a test hub that is gone has nothing left to say
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(session, callback) {
      if (manner.hold) {
        try {
          fs.writeFileSync(path.join(dir, `${Date.now()}-${crypto.randomBytes(6).toString('hex')}.held`), '');
        } catch (err) {
          // the folder is gone with its test
        }
        return; // never greeted: the sender waits until it gives up or dies
      }
      setTimeout(callback, manner.slowMs);
    },
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
        try {
          fs.writeFileSync(tmp, Buffer.concat(chunks));
          fs.renameSync(tmp, path.join(dir, `${name}.eml`));
          callback();
        } catch (err) {
          // The test that owned this folder has ended and removed it while its hub was still sending:
          // refuse the message as a full mailbox would, and keep serving every other test.
          err.responseCode = 452;
          callback(err);
        }
      });
    },
  });
  server.manner = manner;
  server.listen(port, '127.0.0.1', () => ready(server, server.server.address().port));
  return server;
}

if (args.includes('--serve')) {
  // One process serves every test of a run: nothing one test's server does may stop the others.
  process.on('uncaughtException', (err) => console.error(`smtp-sink: ${err.stack || err}`));
  const servers = new Map();
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const [command, ...rest] = line.trim().split(' ');
    const value = rest.join(' ');
    if (command === 'open') {
      open(value, 0, (server, port) => {
        servers.set(port, server);
        console.log(`opened ${port}`);
      });
    } else if (command === 'close') {
      const port = Number(value);
      const server = servers.get(port);
      servers.delete(port);
      if (!server) {
        console.log(`closed ${port}`);
        return;
      }
      server.close(() => console.log(`closed ${port}`));
    } else if (command === 'slow' || command === 'hold') {
      const [port, ms] = rest.map(Number);
      const server = servers.get(port);
      if (server) {
        if (command === 'slow') server.manner.slowMs = ms;
        else server.manner.hold = true;
      }
      console.log(`ok ${port}`);
    } else {
      console.log(`error unknown command ${command}`);
    }
  });
  lines.on('close', () => process.exit(0));
} else {
  const dir = arg('dir', path.join(process.cwd(), 'mail'));
  const port = Number(arg('port', '0'));
  const server = open(dir, port, (_, p) => console.log(`listening ${p}`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
