'use strict';
// Compiles the plugin's server part and the host app's TypeScript to JavaScript (what Strapi loads).
// CommonJS so both the npm scripts (ESM) and jest's global setup can load it.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const PROJECTS = ['plugins/live-chat/tsconfig.server.json', 'tsconfig.json'];

function compileServer(appRoot) {
  const tsc = path.join(appRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const project of PROJECTS) {
    execFileSync(process.execPath, [tsc, '-p', project], { cwd: appRoot, stdio: 'inherit' });
  }
}

module.exports = { compileServer };
