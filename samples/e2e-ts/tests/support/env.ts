import path from 'node:path';

/** Where PraxiShop listens; the scenario runner picks a free port and passes it in. */
export const baseURL = process.env.PRAXISHOP_URL ?? 'http://127.0.0.1:5123';

/** The admin's signed-in browser state, written by auth.setup.ts and reused by the `chromium` project. */
export const storageStatePath =
  process.env.PRAXISHOP_STORAGE_STATE ?? path.join(__dirname, '..', '..', '.auth', 'admin.json');

export const adminUser = {
  email: 'admin@praxishop.test',
  password: 'Praxi-Admin-1!',
};
