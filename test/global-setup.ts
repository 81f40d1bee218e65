// CLI and browser tests run the built bundle; build it once, before any worker starts.
export default async function setup() {
  // @ts-expect-error the build script is plain JavaScript
  const { build } = await import('../scripts/build.mjs');
  await build({ quiet: true });
}
