// The shifted-clock run (npm run test:e2e:shifted) must really run under a shifted wall clock:
// if libfaketime is missing or ignored, this stops the run instead of passing on today's date.
export default function globalSetup(): void {
  const year = process.env.CPB_E2E_EXPECT_YEAR;
  if (!year) return;
  const actual = new Date().getUTCFullYear(); // the wall clock itself is what is being checked
  if (String(actual) !== year)
    throw new Error(
      `The shifted-clock e2e run expects the system year ${year} under faketime, but the clock says ${actual}. Install Debian's faketime package.`,
    );
}
