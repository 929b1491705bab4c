// Converts a Postman collection to OpenAPI 3 with `postman-to-openapi` (for the
// openapi-python-client baseline). Usage: node to_openapi.js COLLECTION OUTPUT.yml
// Resolves its modules from NODE_PATH (installed outside the repo by the benchmark).
'use strict';
const postmanToOpenApi = require('postman-to-openapi');

const [input, output] = process.argv.slice(2);
postmanToOpenApi(input, output, { defaultTag: 'General' })
  .then(() => process.stdout.write(`wrote ${output}\n`))
  .catch((error) => {
    process.stderr.write(`conversion failed: ${error.message}\n`);
    process.exit(1);
  });
