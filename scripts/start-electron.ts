import { spawn } from 'node:child_process';
import { findElectronBinary } from './electron-binary';

/**
 * `npm start`: the desktop console. Where no Electron binary can be had, the same console runs
 * headless and prints the address to open in a browser, rather than failing.
 */
const binary = findElectronBinary();
const args = process.argv.slice(2);
if (binary.path !== null) {
  const child = spawn(binary.path, ['.', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Electron cannot start here: ${binary.reason}`);
  console.log('Starting the headless console instead.');
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/headless/cli.ts', ...args], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
