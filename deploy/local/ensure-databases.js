// Creates each service's own database on the local PostgreSQL when it is missing.
// Usage: node deploy/local/ensure-databases.js <admin-url> <database>...
const { Client } = require('pg');

async function main() {
  const [adminUrl, ...databases] = process.argv.slice(2);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const database of databases) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (rowCount === 0) {
        await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
        console.log(`[databases] created ${database}`);
      }
    }
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(`[databases] ${error.message}`);
  process.exit(1);
});
