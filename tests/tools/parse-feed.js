// Parses a feed file the way real feed readers do, for the hub's tests, and prints JSON.
// Usage: node parse-feed.js rss FILE       (rss-parser: RSS 2.0 and Atom)
//        node parse-feed.js podcast FILE   (podcast-feed-parser: RSS 2.0 with the iTunes namespace)
'use strict';
const fs = require('fs');
const [kind, file] = process.argv.slice(2);
const xml = fs.readFileSync(file, 'utf8');

async function main() {
  if (kind === 'rss') {
    const Parser = require('rss-parser');
    const feed = await new Parser().parseString(xml);
    return feed;
  }
  if (kind === 'podcast') {
    const parser = require('podcast-feed-parser');
    return parser.getPodcastFromFeed(xml);
  }
  throw new Error(`unknown kind ${kind}`);
}

main().then(
  (result) => process.stdout.write(JSON.stringify(result)),
  (error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
