import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/**
 * For the TypeORM CLI: `npx typeorm migration:run -d dist/src/database/data-source.js` (after `npm run build`),
 * against the server in DATABASE_URL. The application itself runs migrations at start.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set for the migration CLI');
export default new DataSource(dataSourceOptions(url));
