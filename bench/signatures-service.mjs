// The bench's service: the real kit (signature guard, nonce store in PostgreSQL, validation) with two
// identical routes, one public and one signed. Plain JavaScript decorators are not available, so the
// routes are declared with Nest's decorator functions applied by hand.
import { randomBytes } from 'node:crypto';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import pg from 'pg';
import { readServiceSettings } from '@wildlife/config';
import { createServiceApp, PublicRoute } from '@wildlife/service-kit';

class BenchController {
  unsigned(body) {
    return { accepted: true, size: JSON.stringify(body).length };
  }
  signed(body) {
    return { accepted: true, size: JSON.stringify(body).length };
  }
}
const decorate = (decorators, target, key) => {
  const descriptor = Object.getOwnPropertyDescriptor(target.prototype, key);
  for (const d of decorators.reverse()) d(target.prototype, key, descriptor);
};
Controller('bench')(BenchController);
decorate([PublicRoute(), Post('unsigned'), HttpCode(200)], BenchController, 'unsigned');
decorate([Post('signed'), HttpCode(200)], BenchController, 'signed');
Body()(BenchController.prototype, 'unsigned', 0);
Body()(BenchController.prototype, 'signed', 0);
Reflect.defineMetadata('design:paramtypes', [Object], BenchController.prototype, 'unsigned');
Reflect.defineMetadata('design:paramtypes', [Object], BenchController.prototype, 'signed');

class BenchModule {}
Module({ controllers: [BenchController] })(BenchModule);

export async function startBenchService({ databaseUrl, kafkaBrokers, publicKey }) {
  const database = `bench_signatures_${randomBytes(3).toString('hex')}`;
  const settings = readServiceSettings(
    { name: 'bench-signatures', defaultPort: 0 },
    {},
    { DATABASE_URL: databaseUrl, DATABASE_NAME: database, KAFKA_BROKERS: kafkaBrokers, LOG_LEVEL: 'warn', PORT: '0' },
  );
  const principal = { id: 'ncb-ke', kind: 'ncb', country: 'KE' };
  const principals = {
    resolveKey: (keyId) => (keyId === 'bench-1' ? { principal, publicKey } : { refused: 'key_unknown' }),
    principal: (id) => (id === principal.id ? principal : undefined),
  };
  const service = await createServiceApp({ name: 'bench-signatures', settings, module: BenchModule, principals });
  const url = await service.listen();
  return {
    url,
    async close() {
      await service.close();
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
