import { unsupportedNodeMessage } from '../../electron/core/runtime/node-version';

// The suite exercises native modules built for Node 22; on an older Node say why, up front.
const message = unsupportedNodeMessage(process.versions.node);
if (message !== null) throw new Error(message);
