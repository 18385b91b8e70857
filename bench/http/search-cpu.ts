import 'reflect-metadata';
import { runMain } from '@haven/infrastructure';
import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { benchSearches, searchSql } from './search-sql';

/**
 * `node dist/bench/http/search-cpu.js <database url> [searches]`: the CPU each search's SQL takes, in
 * PostgreSQL (the backend's utime + stime from /proc, so PostgreSQL must run on this machine) and in
 * this client (`process.cpuUsage()`), over that many searches in a row on one connection after a
 * warm-up. Unlike latency, this barely depends on what else the machine is doing.
 */
const MS_PER_TICK = 10; // USER_HZ = 100 on Linux

runMain(async () => {
  const [databaseUrl, count = '100'] = process.argv.slice(2);
  if (!databaseUrl) throw new Error('usage: search-cpu.js <database url> [searches]');
  const searches = Number(count);
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const backend: number = (await pool.query(`SELECT pg_backend_pid() AS pid`)).rows[0].pid;
    const backendMs = () => {
      const fields = readFileSync(`/proc/${backend}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
    };
    console.log(`| search | PostgreSQL ms | client ms |\n| --- | ---: | ---: |`);
    for (const [name, query] of benchSearches(Date.now())) {
      const run = await searchSql(pool, query);
      for (let i = 0; i < 10; i++) await run(pool);
      const [postgresBefore, clientBefore] = [backendMs(), process.cpuUsage()];
      for (let i = 0; i < searches; i++) await run(pool);
      const client = process.cpuUsage(clientBefore);
      const postgres = (backendMs() - postgresBefore) / searches;
      const clientMs = (client.user + client.system) / 1000 / searches;
      console.log(`| ${name} | ${postgres.toFixed(2)} | ${clientMs.toFixed(2)} |`);
    }
  } finally {
    await pool.end();
  }
});
