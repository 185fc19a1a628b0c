import { buildApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { forkProjector } from './projector-child';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`accord api: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const built = await buildApp(config);
  if (process.argv.includes('--with-projector')) {
    const child = forkProjector(config.dataDir, (line) => process.stderr.write(`accord api: ${line}\n`));
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        child.stop();
        void built.close().finally(() => process.exit(0));
      });
    }
  }
  await built.app.listen(config.port, config.host);
  const address = await built.app.getUrl();
  const { signingKey } = built;
  process.stdout.write(`accord api listening on ${address} (data: ${config.dataDir})\n`);
  process.stdout.write(
    `  docs: ${address}/docs   health: ${address}/health/ready   metrics: ${address}/metrics\n`,
  );
  if (signingKey.source === 'embedded') {
    if (signingKey.created)
      process.stdout.write(`  created the signing key ${signingKey.file} (mode 0600)\n`);
    process.stdout.write(
      `  issue a token: npx accord token issue --agency COURT --staff s-01 --role clerk --data ${config.dataDir}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `accord api: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
