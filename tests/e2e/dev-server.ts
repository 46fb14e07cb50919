// Starts the real server with the page and feedback routes added when app.ts does not register them yet (E2E_SERVER_ENTRY).
import { buildApp } from '../../src/app.js';
import { openRuntime } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { feedbackRoutes } from '../../src/routes/feedback.js';
import { webRoutes } from '../../src/routes/web.js';

const config = loadConfig();
const runtime = await openRuntime(config);
const app = await buildApp(config, { db: runtime.db, corpus: runtime.corpus });
if (!app.hasRoute({ method: 'GET', url: '/' })) await app.register(webRoutes);
if (!app.hasRoute({ method: 'POST', url: '/api/feedback' })) await app.register(feedbackRoutes);

const shutdown = async () => {
  await app.close();
  await runtime.db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

await app.listen({ port: config.PORT, host: config.HOST });
