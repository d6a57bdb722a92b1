// The stand-in for X as its own process (so the load generator does not share
// its event loop). Prints its port on stdout, then serves until killed.
import { startStandin } from "../test/standin.mjs";

const x = await startStandin({ record: false });
process.stdout.write(`${x.port}\n`);
process.on("SIGTERM", async () => {
  await x.close();
  process.exit(0);
});
