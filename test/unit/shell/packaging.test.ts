/**
 * Packaging: electron-builder.yml read and validated by electron-builder's own loader and schema,
 * and its `electronFuses` turned into the fuse wire by electron-builder's own code, so a misspelt
 * key or a fuse left at Electron's default fails here rather than in a shipped installer.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { getConfig } = require('app-builder-lib/out/util/config/load.js') as {
  getConfig(request: { packageKey: string; configFilename: string; projectDir: string; packageMetadata: null }, path: string | null): Promise<{ result: Record<string, unknown> } | null>;
};
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<number | string, unknown>> } };
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { FuseV1Options, FuseVersion } = require('@electron/fuses') as {
  FuseV1Options: Record<string, number>;
  FuseVersion: Record<string, string>;
};

async function builderConfig(): Promise<Record<string, unknown>> {
  const loaded = await getConfig({ packageKey: 'build', configFilename: 'electron-builder', projectDir: resolve('.'), packageMetadata: null }, null);
  expect(loaded, 'electron-builder.yml is found').not.toBeNull();
  return loaded!.result;
}

describe('packaging', () => {
  it('is a configuration electron-builder accepts, keeping appId and productName', async () => {
    const config = await builderConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config).toMatchObject({ appId: 'vn.blocdesk.app', productName: 'BlocDesk', asar: true });
    // The loopback test server is built into dist/ too, and never shipped.
    expect(config.files).toContain('!dist/test-server/**');
  });

  it('flips the Electron fuses that keep the binary from running anything but the app', async () => {
    const config = await builderConfig();
    const wire = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    expect(wire).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: undefined,
      [FuseV1Options.RunAsNode!]: false,
      [FuseV1Options.EnableCookieEncryption!]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable!]: false,
      [FuseV1Options.EnableNodeCliInspectArguments!]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation!]: true,
      [FuseV1Options.OnlyLoadAppFromAsar!]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges!]: false,
    });
  });
});
