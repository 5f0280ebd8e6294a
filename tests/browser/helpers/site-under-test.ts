/**
 * Which build the browser tests look at, and where it is served. By default
 * dist/ on port 4322. BROWSER_TEST_DIST and BROWSER_TEST_PORT point them at
 * a copy of a build instead, so a run is not pulled from under its feet by
 * an `astro build` that someone starts in the same work tree meanwhile.
 */
export const siteDist = process.env.BROWSER_TEST_DIST ?? 'dist';
export const sitePort = Number(process.env.BROWSER_TEST_PORT ?? 4322);
