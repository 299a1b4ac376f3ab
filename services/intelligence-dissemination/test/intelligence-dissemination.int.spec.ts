import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServiceApp, type ServiceApp } from '@wildlife/service-kit';
import { healthyOn, serviceHealthOf, serviceTestEnvironment } from '@wildlife/testing';
import { loadIntelligenceDisseminationConfig } from '../src/intelligence-dissemination.config.js';
import { defineIntelligenceDissemination } from '../src/service.js';

describe('the intelligence-dissemination service', () => {
  const environment = serviceTestEnvironment('intelligence-dissemination');
  let service: ServiceApp;
  let url: string;

  beforeAll(async () => {
    service = await createServiceApp(defineIntelligenceDissemination(loadIntelligenceDisseminationConfig(environment.env)));
    url = await service.listen();
  });

  afterAll(async () => {
    await service?.close();
    await environment.cleanup();
  });

  it('is live, and ready once its own PostgreSQL database and the Kafka broker answer', async () => {
    expect(await serviceHealthOf(url, service.pool)).toEqual(healthyOn(environment.env.DATABASE_NAME));
  });
});
