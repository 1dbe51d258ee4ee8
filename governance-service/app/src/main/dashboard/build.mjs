// Copies the browser assets the dashboard serves into the Quarkus resources of the build
// (target/classes/META-INF/resources/dashboard/assets). Run by Maven (exec-maven-plugin) after `npm ci`.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.env.DASHBOARD_ASSETS_OUT ?? join(here, '../../../target/classes/META-INF/resources/dashboard/assets');
mkdirSync(out, { recursive: true });
const htmx = JSON.parse(readFileSync(join(here, 'node_modules/htmx.org/package.json'), 'utf8'));
copyFileSync(join(here, 'node_modules/htmx.org/dist/htmx.min.js'), join(out, 'htmx.min.js'));
copyFileSync(join(here, 'dashboard.css'), join(out, 'dashboard.css'));
console.log(`dashboard assets: htmx ${htmx.version} and dashboard.css -> ${out}`);
