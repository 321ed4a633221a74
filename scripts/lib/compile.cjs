'use strict';
// Compiles the host app's TypeScript (config, src, database) to JavaScript in dist/, what Strapi
// loads. CommonJS so both the npm scripts (ESM) and jest's global setup can load it.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

function compileApp(appRoot) {
  const tsc = path.join(appRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: appRoot, stdio: 'inherit' });
}

module.exports = { compileApp };
