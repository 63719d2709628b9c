// Reads many .env files with the real npm dotenv parser in one process, so the property tests stay fast.
// Usage: node parse-many.js LIST OUT — LIST holds one file path per line; OUT receives a JSON array with, for
// each file in order, the object dotenv.parse returned (its default parser, as dotenv.config uses it).
'use strict';
const fs = require('fs');
const dotenv = require('dotenv');

const [list, out] = process.argv.slice(2);
if (!list || !out) {
  console.error('usage: node parse-many.js LIST OUT');
  process.exit(2);
}
const files = fs.readFileSync(list, 'utf8').split('\n').filter((line) => line.length > 0);
fs.writeFileSync(out, JSON.stringify(files.map((file) => dotenv.parse(fs.readFileSync(file)))));
