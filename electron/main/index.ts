// Electron's entry (dist/main.cjs): hands the real Electron to the main-process wiring in
// ./main-app, which the harness runs under plain Node with stand-ins.
import * as electron from 'electron';
import { runMain } from './main-app';

runMain(electron, {
  distDir: __dirname,
  argv: process.argv,
  cwd: process.cwd(),
  platform: process.platform,
  ...(process.env.CPB_USER_DATA ? { userDataDir: process.env.CPB_USER_DATA } : {}),
});
