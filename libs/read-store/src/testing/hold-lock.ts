import { acquireSqliteProjectorLock } from '../projector-lock';

/** `hold-lock.ts <dataDir>`: takes the projector lock, says so on stdout, then holds it until killed. */
void acquireSqliteProjectorLock(process.argv[2]!, 'projector').then(() => {
  process.stdout.write('locked\n');
  setInterval(() => undefined, 60_000);
});
