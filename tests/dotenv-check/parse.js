// Prints, as JSON, what the npm dotenv parser reads from the .env file given as the only argument.
// Used by Infisical.Build.Tests to check that generated .env files round-trip exactly.
'use strict';
const fs = require('fs');
const dotenv = require('dotenv');

const file = process.argv[2];
if (!file) {
  console.error('usage: node parse.js FILE');
  process.exit(2);
}
process.stdout.write(JSON.stringify(dotenv.parse(fs.readFileSync(file))));
