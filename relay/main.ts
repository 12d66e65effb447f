/**
 * Starts the relay: configuration from the environment, logs to stdout, and a clean
 * shutdown on SIGINT or SIGTERM (sessions are told the relay is going away).
 */
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { CLIENT_DIR } from './paths.ts';
import { startRelay } from './server.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`seashell: ${error.message}\n`);
    process.exit(78);
  }

  const logger = createLogger(config.logLevel);
  const relay = await startRelay({ config, logger, staticDir: CLIENT_DIR });
  const shown = config.listenAddress.includes(':')
    ? `[${config.listenAddress}]`
    : config.listenAddress;
  process.stderr.write(`Seashell is ready at http://${shown}:${relay.port}/\n`);

  const stop = (signal: string): void => {
    logger.info({ signal }, 'relay stopping');
    relay.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'relay did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`seashell: the relay could not start: ${String(error)}\n`);
  process.exit(1);
});
