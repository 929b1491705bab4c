// Baseline: Postman's own snippet generator (postman-code-generators) over every request
// of a collection, for one style. Usage: node pcg_snippets.js COLLECTION LANGUAGE VARIANT
// Resolves its modules from NODE_PATH (the benchmark installs them outside the repo).
// Prints one JSON line: {"requests": N, "failed": F, "bytes": B, "seconds": S}.
'use strict';
const fs = require('fs');
const sdk = require('postman-collection');
const codegen = require('postman-code-generators');

const [file, language, variant] = process.argv.slice(2);
const started = process.hrtime.bigint();
const collection = new sdk.Collection(JSON.parse(fs.readFileSync(file, 'utf8')));
const requests = [];
collection.forEachItem((item) => requests.push(item.request));
let failed = 0;
let bytes = 0;
for (const request of requests) {
  codegen.convert(language, variant, request, { trimRequestBody: false }, (error, snippet) => {
    if (error) failed += 1;
    else bytes += snippet.length;
  });
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(JSON.stringify({ requests: requests.length, failed, bytes, seconds }) + '\n');
