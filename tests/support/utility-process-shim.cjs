// Stands in for Electron's utility process in tests: gives a Node child process the
// process.parentPort Electron gives a utility process, then runs the real entry (argv[2]).
const { EventEmitter } = require('node:events');

const parentPort = new EventEmitter();
parentPort.postMessage = (message) => process.send(message);
process.on('message', (data) => parentPort.emit('message', { data, ports: [] }));
process.parentPort = parentPort;
require(process.argv[2]);
