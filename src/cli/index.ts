import { main } from './main.js';

// Set the exit code rather than exit(), so a running server keeps the process alive.
main(process.argv).then((code) => {
  if (code !== 0) process.exitCode = code;
});
