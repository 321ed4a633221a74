'use strict';

// Strapi loads a plugin's server part as JavaScript: this points it at the compiled TypeScript.
module.exports = require('./dist/server/src').default;
