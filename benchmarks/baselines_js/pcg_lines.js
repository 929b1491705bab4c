// Line counts of Postman's own snippets (postman-code-generators, default options) for
// every request of a collection. Usage: node pcg_lines.js COLLECTION LANGUAGE VARIANT
// Resolves its modules from NODE_PATH. Prints one JSON line: [[name, lines or null], ...]
// in collection order (null: the generator failed for that request).
'use strict';
const fs = require('fs');
const sdk = require('postman-collection');
const codegen = require('postman-code-generators');

const [file, language, variant] = process.argv.slice(2);
const collection = new sdk.Collection(JSON.parse(fs.readFileSync(file, 'utf8')));
const rows = [];
collection.forEachItem((item) => {
  codegen.convert(language, variant, item.request, { trimRequestBody: false }, (error, snippet) => {
    rows.push([item.name, error ? null : snippet.replace(/\n+$/, '').split('\n').length]);
  });
});
process.stdout.write(JSON.stringify(rows) + '\n');
